// Register types are data: a template lists the Ministry's columns in order, and each
// column's field says how it is typed, labelled, validated and written to Excel.

/**
 * Short code used in PDF names and bundle stems. The first five are the Ministry's; the
 * others are books its importer does not take yet (their codes are ours, kept as data).
 */
export type RegisterTypeCode =
  | 'KS' // khai sinh
  | 'KT' // khai tử
  | 'KH' // kết hôn
  | 'HN' // xác nhận tình trạng hôn nhân
  | 'CMC' // nhận cha, mẹ, con
  | 'TDHT' // thay đổi, cải chính, bổ sung hộ tịch
  | 'XDDT' // xác định lại dân tộc
  | 'GH' // giám hộ
  | 'NCN' // nuôi con nuôi
  | 'GCLH'; // ghi chú ly hôn

export type FieldKind =
  | 'text' // free text
  | 'personName' // capitalised, NFC, one space between words
  | 'place' // free text, autocompleted from the book
  | 'date' // dd.mm.yyyy, or partial mm.yyyy / yyyy
  | 'code' // a value from `codeList`; stored as the code (or the name for name-coded lists)
  | 'number' // digits as written (leading zeros kept)
  | 'idNumber'; // identity-document number

export type FieldGroup =
  | 'dangKy' // Đăng ký
  | 'nguoiDuocKhaiSinh' // Người được khai sinh (KS)
  | 'me' // Mẹ (KS)
  | 'cha' // Cha (KS)
  | 'nguoiChet' // Người chết (KT)
  | 'giayBaoTu' // Giấy báo tử (KT)
  | 'chong' // Chồng (KH)
  | 'vo' // Vợ (KH)
  | 'nguoiXacNhan' // Người được xác nhận tình trạng hôn nhân (HN)
  | 'chaMe' // Cha / mẹ nhận hoặc được nhận (CMC)
  | 'con' // Con nhận hoặc được nhận (CMC)
  | 'nguoiThayDoi' // Người có thông tin hộ tịch (other books)
  | 'noiDungThayDoi' // Nội dung thay đổi, cải chính, bổ sung … (other books)
  | 'nguoiYeuCau' // Người đi khai / yêu cầu
  | 'nuocNgoai' // Đăng ký ở nước ngoài
  | 'khac'; // Thông tin khác

export interface CodeItem {
  code: string;
  label: string;
  /** Other spellings matched after normalising (e.g. "Khơ Me" for "Khơ-me"). */
  aliases?: string[];
}

export interface CodeList {
  id: string;
  /** Vietnamese title written above the list in the `Ghi chu` sheet. */
  title: string;
  items: CodeItem[];
  /** 'code': the cell holds the code ("1"); 'label': the cell holds the name ("Kinh"). */
  writes: 'code' | 'label';
}

export interface FieldDef {
  /** The Ministry's camelCase column name, used as the key everywhere. */
  key: string;
  /** Excel header exactly as in the template (trailing spaces and i=[…] lines kept). */
  header: string;
  /** Vietnamese label shown in the form; unique within the template. */
  label: string;
  group: FieldGroup;
  kind: FieldKind;
  codeListId?: string;
  required?: boolean;
  /** Shown in the main form; otherwise folded under "Thông tin khác". */
  shownByDefault?: boolean;
  /** Filled from the book's defaults when a new entry is created. */
  bookDefault?: 'quyenSo' | 'noiDangKy' | 'nguoiKy' | 'chucVuNguoiKy' | 'nguoiThucHien';
  /** Filled by the exporter rather than typed (e.g. STT = row number). */
  generated?: 'rowNumber';
  /** For …BangChu fields: the date field whose words this holds. */
  wordsOf?: string;
  /**
   * Free text whose usual values a code list words (relations: "cha" → "Cha"): a value the
   * list knows is written the list's way; any other is kept as typed and flagged for a look.
   */
  wordingListId?: string;
}

/**
 * Cross-field rules of a template, as data, so the validation engine needs no branch per
 * register type. Field names are template keys; rule ids must be listed in validation ruleIds.
 */
export interface TemplateChecks {
  /** Dates that must be in order (`earlier` ≤ `later`) when both are present: an error. */
  dateOrder?: { earlier: string; later: string; rule: string }[];
  /** Youngest legal age at an event: a warning, never a refusal. */
  minAge?: { birth: string; at: string; years: number; rule: string }[];
  /**
   * Ages that are possible but rare at an event (a parent at the child's birth): a warning
   * outside `min`–`max` completed years, confirmed with a reason.
   */
  ageRange?: { birth: string; at: string; min: number; max: number; rule: string }[];
  /**
   * Spouses' ages at the registration, by the marriage law in force on its date
   * (shared/validation/marriage-law.ts): a warning, never a refusal.
   */
  marriageAge?: { birth: string; at: string; sex: 'male' | 'female' }[];
  /** Fields that together identify a person for "possible duplicate" warnings. */
  duplicateKey?: string[];
  /** Identity documents: the field with the document type (loaiGiayTo) and its number. */
  idDocuments?: { typeField: string; numberField: string }[];
  /** Personal identification numbers (số định danh, 12 digits). */
  personalIds?: string[];
}

export interface RegisterTemplate {
  type: RegisterTypeCode;
  /** Template version id, e.g. "ks-70"; stored with every entry. */
  version: string;
  /** Vietnamese name of the register ("Khai sinh"). */
  name: string;
  sheetName: string;
  notesSheetName: string;
  /** Columns in template order. */
  fields: FieldDef[];
  /** The field holding the main person's name (for lists and duplicate checks). */
  mainNameField: string;
  /** Whether the Ministry's importer accepts this register type yet. */
  importable: boolean;
  checks?: TemplateChecks;
}
