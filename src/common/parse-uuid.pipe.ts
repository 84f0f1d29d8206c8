import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route ids must be uuids; anything else is a 400 rather than a database error. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value))
      throw new InvalidInputError('INVALID_ID', '编号格式不正确');
    return value.toLowerCase();
  }
}
