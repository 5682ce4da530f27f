// Handlers answer BridgeResult instead of throwing, and explain a refused request in
// Vietnamese so the officer can pass the message on to whoever supports the app.
import type { z } from 'zod';
import type { BridgeErrorCode, BridgeResult } from '../../shared/bridge';

export function ok<T>(value: T): BridgeResult<T> {
  return { ok: true, value };
}

export function fail<T>(code: BridgeErrorCode, message: string): BridgeResult<T> {
  return { ok: false, error: { code, message } };
}

type Issue = z.ZodError['issues'][number];

function describeField(path: readonly PropertyKey[]): string {
  const [first, index, field] = path;
  if (first === 'folderName') return 'tên thư mục';
  if (first === 'files' && typeof index === 'number') {
    const which = `tệp thứ ${index + 1}`;
    if (field === 'name') return `tên ${which}`;
    if (field === 'data') return `nội dung ${which}`;
    return which;
  }
  if (first === 'files') return 'danh sách tệp';
  return 'yêu cầu';
}

function describeProblem(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array'
        ? `phải có ít nhất ${String(issue.minimum)} tệp`
        : 'không được để trống';
    case 'too_big':
      return issue.origin === 'array'
        ? `chỉ được tối đa ${String(issue.maximum)} tệp mỗi lần`
        : `dài quá ${String(issue.maximum)} ký tự`;
    case 'invalid_type':
      return 'thiếu hoặc sai kiểu dữ liệu';
    case 'custom':
      // Our own refinements in shared/bridge.ts carry Vietnamese messages; instanceof does not.
      return issue.path.at(-1) === 'data' ? 'không phải dữ liệu nhị phân' : issue.message;
    default:
      return 'không hợp lệ';
  }
}

export function describeInvalidRequest(error: z.ZodError): string {
  const details = error.issues
    .slice(0, 3)
    .map((issue) => `${describeField(issue.path)}: ${describeProblem(issue)}`)
    .join('; ');
  return (
    `Yêu cầu không hợp lệ (${details}). ` +
    'Không có tệp nào được ghi. Hãy báo lỗi này cho cán bộ phụ trách phần mềm.'
  );
}
