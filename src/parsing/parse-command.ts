import { readFile } from 'node:fs/promises';
import { parseReport } from './parse-report';
import { checkReportArchive, readReportFile } from './read-report';
import { ReportReadError } from './report-read-error';

export interface CommandIo {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
}

const processIo: CommandIo = {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
};

/** `parse FILE`: prints the parse result as JSON; unreadable input gets one Chinese line on stderr and exit code 2. */
export async function runParseCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) {
    io.stderr('用法：cli parse 报告文件（.txt、.docx 或 .md）\n');
    return 2;
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      code === 'ENOENT'
        ? `文件不存在：${file}\n`
        : code === 'EISDIR'
          ? `这是一个目录，不是文件：${file}\n`
          : `无法读取文件：${file}\n`,
    );
    return 2;
  }
  try {
    await checkReportArchive(buffer, file);
    const { text: _normalized, ...result } = parseReport(await readReportFile(buffer, file));
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ReportReadError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
