// Sources without a remote end: file imports, the citizen channel of the cases desk, and the demo's
// synthetic stream. They take no settings and are never polled.
import { z } from 'zod';
import type { SourceConnector } from './types.ts';

const noSettings = z.object({}).passthrough();

export const fileConnector: SourceConnector = {
  kind: 'file',
  name: { vi: 'Tệp nhập', en: 'File import' },
  description: { vi: 'Bài đăng nhập từ tệp JSONL hoặc CSV (dòng lệnh hoặc trang nhập tệp).', en: 'Posts imported from JSONL or CSV files (command line or the import page).' },
  fields: [],
  settings: noSettings,
  internal: true,
};

export const citizenConnector: SourceConnector = {
  kind: 'citizen',
  name: { vi: 'Kênh phản ánh của người dân', en: 'Citizen channel' },
  description: { vi: 'Phản ánh người dân gửi qua kênh hai chiều của bộ phận xử lý vụ việc.', en: 'Reports citizens send through the two-way channel of the cases desk.' },
  fields: [],
  settings: noSettings,
  internal: true,
};

export const syntheticConnector: SourceConnector = {
  kind: 'synthetic',
  name: { vi: 'Dữ liệu mô phỏng', en: 'Synthetic data' },
  description: { vi: 'Luồng bài đăng mô phỏng của bản trình diễn Quận 10 — không phải dữ liệu thật.', en: 'The Quận 10 demo’s simulated stream of posts — not real data.' },
  fields: [],
  settings: noSettings,
  internal: true,
};
