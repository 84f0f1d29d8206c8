import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'rectify:isPublic';

/** Marks a route as reachable without a token (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
