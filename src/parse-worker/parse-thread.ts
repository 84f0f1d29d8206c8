import { parentPort } from 'node:worker_threads';
import { parseReport, readReportFile, ReportReadError } from '../parsing';
import { ledgerRows } from './ledger-rows';
import { ParseJob, ParseReply } from './parse-jobs';

/** The entry of a parse thread: one job a message, one reply each (thread-pool.ts). */
parentPort!.on('message', (job: ParseJob) => {
  void handle(job).then((reply) => parentPort!.postMessage(reply));
});

async function handle(job: ParseJob): Promise<ParseReply<unknown>> {
  try {
    switch (job.kind) {
      case 'read-report':
        return { ok: true, value: await readReportFile(asBuffer(job.buffer), job.fileName) };
      case 'parse-report':
        return { ok: true, value: parseReport(job.text, job.options) };
      case 'read-ledger': {
        const read = await ledgerRows(asBuffer(job.buffer), job.maxRows);
        return 'error' in read ? { ok: false, error: read.error } : { ok: true, value: read.rows };
      }
    }
  } catch (error) {
    if (error instanceof ReportReadError)
      return { ok: false, error: { kind: 'report-read', code: error.code, message: error.message } };
    throw error;
  }
}

/** A Buffer arrives as a Uint8Array: the same bytes, seen as a Buffer again. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
