import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { fieldWithControlCharacters } from './control-characters';
import { InvalidInputError } from './domain-error';

/** Keyed by class-validator's constraint names (its IS_* constants' values, e.g. `isUuid`, not the decorator's name). */
export const CONSTRAINT_TEXT: Record<string, string> = {
  whitelistValidation: '是不允许的字段',
  isNotEmpty: '不能为空',
  isString: '必须是字符串',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是布尔值',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isUuid: '必须是有效的编号',
  isDateString: '必须是 YYYY-MM-DD 格式的日期',
  isIso8601: '必须是 YYYY-MM-DD 格式的日期',
  min: '小于允许的最小值',
  max: '大于允许的最大值',
  minLength: '长度不足',
  maxLength: '长度超出限制',
  isArray: '必须是数组',
  arrayMinSize: '至少需要一项',
  arrayMaxSize: '项数超出限制',
  isEmail: '必须是有效的邮箱地址',
  matches: '格式不正确',
  isObject: '必须是对象',
  nestedValidation: '格式不正确',
};

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints
      ? [
          {
            field,
            problems: Object.entries(error.constraints).map(([name, text]) =>
              /[\u4e00-\u9fff]/.test(text) ? text : (CONSTRAINT_TEXT[name] ?? '取值无效'),
            ),
          },
        ]
      : [];
    return own.concat(flatten(error.children ?? [], field));
  });
}

/**
 * Validation at the edge: before a DTO's own rules, every text of a JSON body, a query string or a route parameter is
 * held to the control-character rule (MULTILINE_FIELDS), so no NUL reaches the database; one pipe for every route,
 * guards having run first (a login with a NUL in its username gets 400 without any credentials checked).
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const field = fieldWithControlCharacters(value, metadata.data ?? '');
      if (field !== null) {
        throw new InvalidInputError(
          'INVALID_CHARACTERS',
          `请求参数${field ? ` ${field} ` : ''}含有不允许的控制字符（NUL 等；换行和制表符只能出现在备注、说明等多行文字中）`,
          { field },
        );
      }
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisting validation with Chinese messages naming each offending field. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = `请求参数不合法：${fields.map((f) => `${f.field}${f.problems.join('、')}`).join('；')}`;
      return new BadRequestException({ code: 'VALIDATION_FAILED', message, details: fields });
    },
  });
}
