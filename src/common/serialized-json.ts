/**
 * A reply body serialized once, for answers that are remembered and sent many times: the app's reply
 * serializer sends its bytes as they are instead of stringifying the value again.
 */
export class SerializedJson {
  readonly bytes: Buffer;

  constructor(value: unknown) {
    this.bytes = toJsonBytes(value);
  }
}

/**
 * JSON bodies leave as UTF-8 buffers: handed a string, Node measures it and then encodes it again while writing,
 * and for Chinese text both passes allocate a copy.
 */
export function toJsonBytes(payload: unknown): Buffer {
  return payload instanceof SerializedJson ? payload.bytes : Buffer.from(JSON.stringify(payload), 'utf8');
}
