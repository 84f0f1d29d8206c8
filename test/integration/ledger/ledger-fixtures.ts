import { uniqueSuffix } from '../../support/test-env';

/** The units of a ledger test organization: the staff user works in the first, a second staff user in the other. */
export const LEDGER_UNITS = ['综合行政执法队', '党政综合办公室'] as const;

export const SAMPLE_REPORT = `鲁山县张良镇人民政府关于2024年法治政府建设情况的报告

2024年，我镇深入学习贯彻习近平法治思想，法治政府建设取得新成效。

一、存在的问题
一是执法人员业务水平有待提高。目前在我镇执法队伍中，部分人员对法律法规掌握不够全面。
二是普法宣传形式较为单一。宣传多以发放资料为主，群众参与度不高。

二、下一步工作计划
一是加强执法队伍培训，由综合行政执法队负责，2025年12月底前完成。
二是创新普法宣传方式，长期坚持开展以案释法活动。

鲁山县张良镇人民政府
2025年1月10日
`;

/** A multipart body with one `file` field, as browsers send it. */
export function multipart(
  fileName: string,
  content: Buffer | string,
  contentType = 'text/plain',
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----ledger${uniqueSuffix()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
