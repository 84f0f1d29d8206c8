import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One deflated zip member: its compressed bytes, and the size and CRC-32 of what they inflate to. */
export interface Deflated {
  data: Buffer;
  size: number;
  crc: number;
}

export interface ZipMember {
  name: string;
  content: Buffer | Deflated;
  /** The uncompressed size the archive claims, when it should lie about it. */
  claimedSize?: number;
  /** Kept as is (method 0) rather than deflated: cheap to make in the thousands. */
  stored?: boolean;
}

/**
 * `prefix + unit × times + suffix`, deflated without ever holding it inflated: each piece is compressed with a full
 * flush, which makes it independent of the bytes before it, so one compressed `unit` can simply be repeated. Hundreds
 * of megabytes of XML cost a few hundred kilobytes and milliseconds to make.
 */
export function repeatedDeflate(prefix: string, unit: string, times: number, suffix: string): Deflated {
  const piece = (text: string) =>
    deflateRawSync(Buffer.from(text), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const unitBytes = Buffer.from(unit);
  const compressedUnit = piece(unit);
  let crc = crc32(Buffer.from(prefix));
  for (let i = 0; i < times; i++) crc = crc32(unitBytes, crc);
  crc = crc32(Buffer.from(suffix), crc);
  // 0x03 0x00: an empty final block with fixed codes ends the stream.
  const data = Buffer.concat([
    piece(prefix),
    ...Array.from({ length: times }, () => compressedUnit),
    piece(suffix),
    Buffer.from([0x03, 0x00]),
  ]);
  return {
    data,
    size: Buffer.byteLength(prefix) + unitBytes.length * times + Buffer.byteLength(suffix),
    crc: crc >>> 0,
  };
}

function deflated(content: Buffer | Deflated): Deflated {
  if (!Buffer.isBuffer(content)) return content;
  return { data: deflateRawSync(content), size: content.length, crc: crc32(content) >>> 0 };
}

/** A zip archive (deflated members, no data descriptors) of the given members, as Word and Excel files are. */
export function zipArchive(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const { content } = member;
    const stored = member.stored === true && Buffer.isBuffer(content);
    const { data, size, crc } =
      stored && Buffer.isBuffer(content)
        ? { data: content, size: content.length, crc: crc32(content) >>> 0 }
        : deflated(content);
    const method = stored ? 0 : 8;
    const name = Buffer.from(member.name);
    const claimed = member.claimedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(claimed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_CLOSE = '</w:body></w:document>';

/** A .docx whose word/document.xml is `document`, deflated as given. */
export function docxWith(document: Buffer | Deflated, claimedSize?: number): Buffer {
  return zipArchive([
    { name: '[Content_Types].xml', content: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', content: Buffer.from(RELS) },
    { name: 'word/document.xml', content: document, claimedSize },
  ]);
}

/** About a megabyte of `piece` repeated: the unit repeatedDeflate compresses once and copies. */
function megabyteOf(piece: string): string {
  return piece.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(piece)));
}

/** A .docx of about `megabytes` MB of the same paragraph over and over. */
export function repetitiveDocxBomb(megabytes: number): Buffer {
  const paragraphs = megabyteOf('<w:p><w:r><w:t>整改措施落实到位。</w:t></w:r></w:p>');
  return docxWith(repeatedDeflate(DOCUMENT_OPEN, paragraphs, megabytes, DOCUMENT_CLOSE));
}

/** A .docx whose body nests `depth` tables inside one another. */
export function nestedDocxBomb(depth: number): Buffer {
  const open = '<w:tbl><w:tr><w:tc>';
  const close = '<w:p/></w:tc></w:tr></w:tbl>';
  const unit = 256;
  return docxWith(
    repeatedDeflate(
      DOCUMENT_OPEN + open.repeat(depth % unit),
      open.repeat(unit),
      Math.floor(depth / unit),
      close.repeat(depth) + DOCUMENT_CLOSE,
    ),
  );
}

/** A .xlsx whose shared strings run to about `megabytes` MB. */
export function sharedStringsXlsxBomb(megabytes: number): Buffer {
  const item = '<si><t>执法人员业务水平有待提高</t></si>';
  const items = megabyteOf(item);
  const count = (items.length / item.length) * megabytes;
  return zipArchive([
    {
      name: '[Content_Types].xml',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: 'xl/sharedStrings.xml',
      content: repeatedDeflate(
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`,
        items,
        megabytes,
        '</sst>',
      ),
    },
  ]);
}
