import yauzl, { Entry, ZipFile } from 'yauzl';

/** What an uploaded .docx or .xlsx (both zip archives) may unpack to. */
export interface ArchiveLimits {
  /** Bytes of all members together, unpacked. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** Unpacked size over packed size of one member (Word's own XML compresses about tenfold). */
  maxCompressionRatio: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxEntries: 2000,
  maxCompressionRatio: 100,
};

/** Members smaller than this unpacked are not held to the ratio: small XML parts compress well and cost nothing. */
const RATIO_FLOOR = 64 * 1024;

export type ArchiveRefusalReason = 'too-large' | 'suspicious' | 'unreadable';

/** An archive refused before anything unpacks it for real; `message` is meant for the uploader. */
export class ArchiveRefusal extends Error {
  constructor(
    readonly reason: ArchiveRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveRefusal';
  }
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function isZip(buffer: Buffer): boolean {
  return buffer.subarray(0, 4).equals(ZIP_SIGNATURE);
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Holds a zip archive to `limits` before a library unpacks it: its central directory must claim few enough members,
 * a total unpacked size within bounds and no member packed more densely than the ratio allows; then every deflated
 * member is inflated, its bytes counted and thrown away, so an archive that lies about its sizes is caught too (yauzl stops a
 * member the moment it yields more than it claimed). Inflating runs in zlib's thread pool, not on the event loop.
 */
export async function checkArchive(buffer: Buffer, limits: ArchiveLimits): Promise<void> {
  const zip = await openZip(buffer);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ArchiveRefusal(
        'suspicious',
        `压缩包内有 ${zip.entryCount} 个文件，超过 ${limits.maxEntries} 个的上限，疑似恶意构造的文件`,
      );
    }
    const entries = await readEntries(zip);
    let claimed = 0;
    for (const entry of entries) {
      claimed += entry.uncompressedSize;
      if (claimed > limits.maxUnpackedBytes) throw tooLarge(limits);
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > RATIO_FLOOR && ratio > limits.maxCompressionRatio) {
        throw new ArchiveRefusal(
          'suspicious',
          `文件中的 ${entry.fileName} 压缩比高达 ${Math.round(ratio)} 倍（上限 ${limits.maxCompressionRatio} 倍），疑似压缩炸弹`,
        );
      }
    }
    await inflateAll(zip, entries);
  } finally {
    zip.close();
  }
}

function tooLarge(limits: ArchiveLimits): ArchiveRefusal {
  return new ArchiveRefusal(
    'too-large',
    `文件解压后超过 ${megabytes(limits.maxUnpackedBytes)} 的上限，请删去大图片或拆分后再上传`,
  );
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(unreadable()) : resolve(zip),
    ),
  );
}

function unreadable(): ArchiveRefusal {
  return new ArchiveRefusal('unreadable', '压缩包结构已损坏，无法读取');
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(unreadable()));
    zip.readEntry();
  });
}

/** Members inflated at once: a workbook of many small parts is checked in parallel, in zlib's thread pool. */
const INFLATING_AT_ONCE = 8;

/**
 * Inflates every deflated member to nowhere. Stored members need not be: yauzl already refused any whose stored size
 * differs from what it claims.
 */
async function inflateAll(zip: ZipFile, entries: Entry[]): Promise<void> {
  const deflated = entries.filter((entry) => entry.compressionMethod !== 0 && !entry.fileName.endsWith('/'));
  let next = 0;
  const inflateNext = async (): Promise<void> => {
    while (next < deflated.length) await inflatedSize(zip, deflated[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(INFLATING_AT_ONCE, deflated.length) }, inflateNext));
}

/** Inflates one member to nowhere; a member that yields more or fewer bytes than it claims is refused. */
function inflatedSize(zip: ZipFile, entry: Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(unreadable());
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.once('end', () => resolve(bytes));
      stream.once('error', (cause: Error) =>
        reject(
          /too many bytes|not enough bytes/.test(cause.message)
            ? new ArchiveRefusal(
                'suspicious',
                `文件中的 ${entry.fileName} 实际大小与声明不符，疑似恶意构造的文件`,
              )
            : unreadable(),
        ),
      );
    });
  });
}
