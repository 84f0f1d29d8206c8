import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

/** Every statement identity runs on `refresh_tokens`. */
@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /** Marks the token used; false when another request used it first or its session has ended meanwhile. */
  async claim(id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(
      RefreshToken,
      { id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: new Date() },
    );
    return Boolean(result.affected);
  }

  async insert(
    token: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(RefreshToken, token);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of the user at its next refresh. */
  async revokeAllOfUser(userId: string, manager = this.tokens.manager): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
