/** The khai sinh fields shown by default, in the order Enter walks them. */
export const KS_SHOWN_FIELDS = [
  'Số',
  'Quyển số',
  'Trang số',
  'Ngày đăng ký',
  'Loại đăng ký',
  'Nơi đăng ký',
  'Người ký',
  'Chức vụ người ký',
  'Người thực hiện',
  'Ghi chú',
  'Họ tên người được khai sinh',
  'Giới tính',
  'Ngày sinh',
  'Ngày sinh bằng chữ',
  'Nơi sinh',
  'Quê quán',
  'Dân tộc',
  'Quốc tịch',
  'Họ tên mẹ',
  'Ngày sinh mẹ',
  'Dân tộc mẹ',
  'Quốc tịch mẹ',
  'Nơi cư trú mẹ',
  'Họ tên cha',
  'Ngày sinh cha',
  'Dân tộc cha',
  'Quốc tịch cha',
  'Nơi cư trú cha',
  'Họ tên người đi khai',
  'Quan hệ với người được khai sinh',
] as const;

export type KsLabel = (typeof KS_SHOWN_FIELDS)[number];

/** Steps from `from` to the last shown field, typing the given values on the way. */
export function stepsFrom(
  from: KsLabel,
  values: Partial<Record<KsLabel, string>>,
): [string, string | undefined][] {
  return KS_SHOWN_FIELDS.slice(KS_SHOWN_FIELDS.indexOf(from)).map((label) => [
    label,
    values[label],
  ]);
}
