// Shapes of identity-document numbers, by the Ministry's loaiGiayTo code. Only the shape is
// checked (no checksum is published); types whose numbers follow no national format pass.

const DIGITS_9_OR_12 = /^(?:\d{9}|\d{12})$/u;
const DIGITS_12 = /^\d{12}$/u;
// Vietnamese passports are one letter and seven digits ("B1234567"); foreign ones run to eight
// or nine letters and digits. The wider pattern takes both.
const PASSPORT = /^[A-Za-z0-9]{8,9}$/u;
const SERVICE_ID = /^\d{6,12}$/u;

const formats: Readonly<Record<string, RegExp>> = {
  '1': DIGITS_9_OR_12, // Giấy CMND: 9 digits, 12 on the later cards
  '2': PASSPORT,
  '4': DIGITS_12, // Thẻ CCCD
  '5': SERVICE_ID, // Giấy CM QĐND
  '6': SERVICE_ID, // Giấy CM sĩ quan QĐ
  '7': SERVICE_ID, // Giấy CM CAND
};

/** Whether a document number has the shape its type requires; 3, 8 and unknown types are free. */
export function isValidIdNumber(typeCode: string, number: string): boolean {
  const format = formats[typeCode];
  return format === undefined || format.test(number);
}

/** Số định danh cá nhân: twelve digits. */
export function isValidPersonalId(number: string): boolean {
  return DIGITS_12.test(number);
}
