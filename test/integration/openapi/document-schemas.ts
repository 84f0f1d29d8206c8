import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, any>;
export interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  servers?: unknown[];
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const DOCUMENT_ID = 'openapi';

/**
 * The document's schemas made strict for checking real answers: an object lists every field it may carry
 * (additionalProperties: false unless the document says otherwise), so a field the server renamed or added without
 * the document shows up as an error; `nullable` enums accept null, as OpenAPI 3.0 means; allOf frames are merged.
 */
function strict(schema: unknown, components: Record<string, Schema>): any {
  if (Array.isArray(schema)) return schema.map((entry) => strict(entry, components));
  if (!schema || typeof schema !== 'object') return schema;
  let copy: Schema = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'example' ? value : strict(value, components),
    ]),
  );
  if (typeof copy.$ref === 'string') copy.$ref = copy.$ref.replace(/^#/, `${DOCUMENT_ID}#`);
  if (Array.isArray(copy.allOf) && copy.allOf.length > 1) copy = mergeAllOf(copy, components);
  if (copy.nullable && Array.isArray(copy.enum) && !copy.enum.includes(null))
    copy.enum = [...copy.enum, null];
  if (copy.nullable && copy.type === undefined && Array.isArray(copy.oneOf)) {
    // Ajv's nullable needs a type; a nullable oneOf is one more alternative.
    delete copy.nullable;
    copy.oneOf = [...copy.oneOf, { type: 'null' }];
  }
  if (copy.nullable && Array.isArray(copy.allOf)) {
    // A nullable reference (`nullable, type: object, allOf: [$ref]`): null, or what the reference describes.
    const { nullable: _nullable, type: _type, ...referenced } = copy;
    copy = { anyOf: [{ type: 'null' }, referenced] };
  }
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

function mergeAllOf({ allOf, ...rest }: Schema, components: Record<string, Schema>): Schema {
  const members = (allOf as Schema[]).map((member) =>
    typeof member.$ref === 'string' ? strict(components[member.$ref.split('/').pop()!], components) : member,
  );
  return {
    ...rest,
    type: 'object',
    properties: Object.assign({}, ...members.map((member) => member.properties ?? {})),
    required: [...new Set(members.flatMap((member) => member.required ?? []))],
  };
}

export interface AnswerProblem {
  operation: string;
  status: number;
  problem: string;
}

/** Checks answers against the response schemas of the document, by operation (`get /api/v1/tasks/{id}`) and status. */
export class DocumentSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(
      {
        $id: DOCUMENT_ID,
        components: { schemas: strict(document.components.schemas, document.components.schemas) },
      },
      DOCUMENT_ID,
    );
  }

  /** undefined when the answer fits; otherwise what is wrong, in words. */
  check(operation: string, status: number, contentType: string, body: unknown): string | undefined {
    const [method, path] = operation.split(' ');
    const responses = this.document.paths[path]?.[method]?.responses;
    if (!responses) return '文档中没有这个操作';
    const response = responses[String(status)];
    if (!response) return `文档没有写明状态 ${status}（写明的有 ${Object.keys(responses).join('、')}）`;
    if (!contentType.includes('application/json')) return undefined;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return `状态 ${status} 没有 application/json 的 schema`;
    const validate = this.validator(`${operation} ${status}`, schema);
    return validate(body) ? undefined : describe(validate.errors ?? []);
  }

  /** The same check for a named schema of `components` (the payloads Rectify sends out). */
  checkSchema(name: string, value: unknown): string | undefined {
    const validate = this.validator(name, { $ref: `#/components/schemas/${name}` });
    return validate(value) ? undefined : describe(validate.errors ?? []);
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(strict(schema, this.document.components.schemas));
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function describe(errors: ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map((error) => {
      const extra = (error.params as { additionalProperty?: string }).additionalProperty;
      return `${error.instancePath || '(根)'} ${error.message}${extra ? `：${extra}` : ''}`;
    })
    .join('；');
}
