import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/project-root';
import { BenchResult } from './bench-result';
import { percentile, withBenchApp } from './bench-env';
import { seedOrganization } from './seed';

const REQUESTS = 200;

function multipart(fileName: string, content: string): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** POST /api/v1/reports 200 times in a row over real HTTP, each a fixture report made unique by an extra line. */
export function benchImport(): Promise<BenchResult[]> {
  return withBenchApp('import', async (env) => {
    const org = await seedOrganization(env.pool);
    const token = await env.accessToken(org.adminId);
    const dir = join(projectRoot(), 'test', 'fixtures', 'reports');
    const fixtures = readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join(dir, name), 'utf8'));
    if (!fixtures.length) throw new Error('没有可导入的样例报告');
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const { body, contentType } = multipart(
        `report-${i}.txt`,
        `${fixtures[i % fixtures.length]}\n附：基准测试 ${randomUUID()}\n`,
      );
      const started = performance.now();
      const response = await fetch(`${env.baseUrl}/api/v1/reports`, {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (response.status !== 201) throw new Error(`导入第 ${i + 1} 份报告返回 ${response.status}`);
    }
    times.sort((a, b) => a - b);
    return [
      { name: 'import_p50', value: percentile(times, 50), unit: 'ms' },
      { name: 'import_p99', value: percentile(times, 99), unit: 'ms' },
    ];
  });
}
