import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from '../common/auth.guard';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { AdminBootstrap } from './admin-bootstrap';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DirectoryModule } from './directory.controller';
import { resolveJwtSecret } from './jwt-secret';
import { LoginRateLimiter } from './login-rate-limiter';
import { OrganizationScopeService } from './org-scope';
import { Organization } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { RefreshToken } from './refresh-token.entity';
import { Unit } from './unit.entity';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { User } from './user.entity';
import { UserDirectoryRepository } from './user-directory.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Users, units and organization scoping, without HTTP: for features and workers that only need to look people up. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, Unit, User, RefreshToken])],
  providers: [UsersService, UnitsService, OrganizationScopeService, UserDirectoryRepository],
  exports: [UsersService, UnitsService, OrganizationScopeService, UserDirectoryRepository, TypeOrmModule],
})
export class IdentityCoreModule {}

/** Login, the global auth guard, and the user/unit/organization routes (api and all modes). */
@Module({
  imports: [
    IdentityCoreModule,
    DirectoryModule,
    JwtModule.registerAsync({
      inject: [RUNTIME],
      // A KeyObject, not a string: given a string, jsonwebtoken first tries to parse it as a PEM public key on every
      // verify, which cost about a sixth of the CPU of each authenticated request.
      useFactory: (runtime: Runtime) => ({
        secret: createSecretKey(Buffer.from(resolveJwtSecret(runtime))),
        signOptions: { algorithm: 'HS256', expiresIn: runtime.config.JWT_EXPIRES_IN_SECONDS },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, UnitsController, UsersController, OrganizationsController],
  providers: [
    AuthService,
    LoginRateLimiter,
    OrganizationsService,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityCoreModule],
})
export class IdentityModule {}
