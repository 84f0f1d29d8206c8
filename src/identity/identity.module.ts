import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { AccessTokens } from './access-tokens';
import { AccountChangeSubscriber } from './account-change-subscriber';
import { AccountChanges } from './account-changes';
import { AdminBootstrap } from './admin-bootstrap';
import { AuthCache } from './auth-cache';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { IdentityRedis } from './identity-redis';
import { resolveJwtSecret } from './jwt-secret';
import { LoginRateLimiter } from './login-rate-limiter';
import { OrganizationScopeService } from './org-scope';
import { OrganizationSettingsService } from './organization-settings.service';
import { Organization } from './organization.entity';
import { OrganizationRepository } from './organization.repository';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokenRepository } from './refresh-token.repository';
import { TokenDenyList } from './token-deny-list';
import { Unit } from './unit.entity';
import { UnitRepository } from './unit.repository';
import { UnitRobotsLink } from './unit-robots.link';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { User } from './user.entity';
import { UserDirectoryRepository } from './user-directory.repository';
import { UserRepository } from './user.repository';
import { UsernameProbeLimiter } from './username-probe-limiter';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

const CORE_PROVIDERS = [
  UserRepository,
  UnitRepository,
  OrganizationRepository,
  RefreshTokenRepository,
  UserDirectoryRepository,
  UsersService,
  UnitsService,
  UnitRobotsLink,
  OrganizationScopeService,
  OrganizationSettingsService,
  IdentityRedis,
  AccountChanges,
  UsernameProbeLimiter,
];

/**
 * Users, units and organization scoping, without HTTP: for features and workers that only need to look people up.
 * Account changes made here drop the cached account (AuthCache, empty outside API processes) and are announced
 * to the other processes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, Unit, User, RefreshToken])],
  providers: [...CORE_PROVIDERS, { provide: AuthCache, useFactory: () => new AuthCache() }],
  exports: [...CORE_PROVIDERS, AuthCache, TypeOrmModule],
})
export class IdentityCoreModule {}

/** Who is calling: tokens, the cached accounts and `authenticate()`, for the API's guard and the queue dashboard. */
@Module({
  imports: [
    IdentityCoreModule,
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
  providers: [AccessTokens, TokenDenyList, Authenticator, AccountChangeSubscriber],
  exports: [AccessTokens, TokenDenyList, Authenticator],
})
export class AuthenticationModule {}

/** Login, the global auth guard, and the user/unit/organization/directory routes (api and all modes). */
@Module({
  imports: [IdentityCoreModule, AuthenticationModule],
  controllers: [
    AuthController,
    UnitsController,
    UsersController,
    OrganizationsController,
    DirectoryController,
  ],
  providers: [
    AuthService,
    LoginRateLimiter,
    OrganizationsService,
    DirectoryService,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityCoreModule],
})
export class IdentityModule {}
