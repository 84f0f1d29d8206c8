import { HttpStatus } from '@nestjs/common';

/**
 * An expected failure with a stable machine-readable code and a Chinese message for people.
 * The global filter turns it into `{ statusCode, code, message }`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number = HttpStatus.BAD_REQUEST,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, `${what}不存在`, HttpStatus.NOT_FOUND);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, HttpStatus.CONFLICT, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '没有权限执行此操作', code = 'FORBIDDEN') {
    super(code, message, HttpStatus.FORBIDDEN);
  }
}

export class InvalidInputError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, HttpStatus.BAD_REQUEST, details);
  }
}
