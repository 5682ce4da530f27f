// The Ministry's code lists as data. Matching is forgiving (accents, case, spacing, hyphens,
// other spellings) because books and officers spell names many ways; export writes one form.
import type { CodeItem, CodeList } from './types';
import { foldAccents, toNFC } from '../text/vietnamese';

function items(...rows: [code: string, label: string, ...aliases: string[]][]): CodeItem[] {
  return rows.map(([code, label, ...aliases]) =>
    aliases.length > 0 ? { code, label, aliases } : { code, label },
  );
}

const gioiTinh: CodeList = {
  id: 'gioiTinh',
  title: 'Giới tính',
  writes: 'code',
  items: items(['1', 'Nam', 'Trai'], ['2', 'Nữ', 'Gái'], ['3', 'Không xác định']),
};

// Labels follow the template's `Ghi chu` sheet ("Đăng kí"); the "ký" spelling is an alias.
const loaiDangKyKS: CodeList = {
  id: 'loaiDangKyKS',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(
    ['1', 'Đăng kí đúng hạn', 'Đăng ký đúng hạn', 'Đúng hạn'],
    ['2', 'Đăng kí lại', 'Đăng ký lại'],
    [
      '3',
      'Ghi vào sổ việc khai sinh đã đăng ký ở CQ có thẩm quyền nước ngoài',
      'Ghi vào sổ việc khai sinh đã đăng ký ở cơ quan có thẩm quyền nước ngoài',
      'Ghi vào sổ',
    ],
    ['4', 'Đăng kí quá hạn', 'Đăng ký quá hạn', 'Quá hạn'],
    ['5', 'Cấp bản chính giấy khai sinh', 'Cấp bản chính'],
    ['6', 'Không xác định'],
  ),
};

const loaiDangKyKT: CodeList = {
  id: 'loaiDangKyKT',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(
    ['1', 'Đăng ký đúng hạn', 'Đăng kí đúng hạn', 'Đúng hạn'],
    ['2', 'Đăng ký lại', 'Đăng kí lại'],
    ['3', 'Ghi vào sổ việc khai tử đã đăng ký ở cơ quan có thẩm quyền nước ngoài', 'Ghi vào sổ'],
    ['4', 'Đăng ký quá hạn', 'Đăng kí quá hạn', 'Quá hạn'],
  ),
};

const loaiDangKyKH: CodeList = {
  id: 'loaiDangKyKH',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(['1', 'Đăng ký mới', 'Đăng kí mới'], ['2', 'Đăng ký lại', 'Đăng kí lại']),
};

const loaiDangKyCMC: CodeList = {
  id: 'loaiDangKyCMC',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(
    ['1', 'Đăng ký mới', 'Đăng kí mới'],
    ['2', 'Ghi vào sổ việc đã đăng ký ở cơ quan có thẩm quyền nước ngoài', 'Ghi vào sổ'],
  ),
};

// This numbering is the Ministry's; other national systems number documents differently.
const loaiGiayTo: CodeList = {
  id: 'loaiGiayTo',
  title: 'Loại giấy tờ tùy thân',
  writes: 'code',
  items: items(
    ['1', 'Giấy CMND', 'Chứng minh nhân dân', 'CMND', 'Giấy chứng minh nhân dân'],
    ['2', 'Hộ chiếu', 'Passport'],
    ['3', 'Thẻ thường trú'],
    ['4', 'Thẻ căn cước công dân', 'CCCD', 'Thẻ CCCD', 'Căn cước công dân', 'Thẻ căn cước'],
    ['5', 'Giấy chứng minh quân đội nhân dân', 'Giấy CM QĐND', 'CM QĐND'],
    ['6', 'Giấy chứng minh sĩ quan quân đội', 'Giấy CM sĩ quan QĐ', 'CM sĩ quan'],
    ['7', 'Giấy chứng minh công an nhân dân', 'Giấy CM CAND', 'CM CAND'],
    ['8', 'Giấy tờ khác', 'Khác'],
  ),
};

const loaiKhaiSinh: CodeList = {
  id: 'loaiKhaiSinh',
  title: 'Loại khai sinh',
  writes: 'code',
  items: items(
    ['1', 'Xác định được cả cha lẫn mẹ'],
    ['2', 'Chưa xác định được mẹ'],
    ['3', 'Chưa xác định được cha'],
    ['4', 'Chưa xác định được cả cha lẫn mẹ'],
    ['5', 'Trẻ bị bỏ rơi'],
  ),
};

const loaiCuTru: CodeList = {
  id: 'loaiCuTru',
  title: 'Loại cư trú',
  writes: 'code',
  items: items(['1', 'Thường trú'], ['2', 'Tạm trú']),
};

// KT gbtLoai: the paper the death was declared on (a giấy báo tử or what stands in for one).
const loaiGiayBaoTu: CodeList = {
  id: 'loaiGiayBaoTu',
  title: 'Loại giấy báo tử',
  writes: 'code',
  items: items(
    ['1', 'Giấy báo tử'],
    ['2', 'Giấy xác nhận thi hành án tử hình', 'GXN thi hành án tử hình'],
    [
      '3',
      'Bản án, quyết định của Tòa án tuyên bố một người đã chết',
      'Bản án/QĐ tòa tuyên bố đã chết',
    ],
    [
      '4',
      'Văn bản của cơ quan công an hoặc kết quả giám định pháp y',
      'VB công an/giám định pháp y',
    ],
    ['5', 'Văn bản của cơ quan y tế về nguyên nhân chết', 'VB y tế về nguyên nhân chết'],
    ['6', 'Biên bản xác nhận việc chết'],
    ['7', 'Văn bản của người làm chứng', 'VB của người làm chứng'],
  ),
};

// KH: what later happened to the marriage. The labels are the vendor's; the codes 1–4 are
// our reading of its order and are unconfirmed against the Ministry's importer.
const tinhTrangKetHon: CodeList = {
  id: 'tinhTrangKetHon',
  title: 'Tình trạng kết hôn',
  writes: 'code',
  items: items(
    ['1', 'Đã ly hôn'],
    ['2', 'Đã hủy việc kết hôn'],
    ['3', 'Đã được công nhận việc kết hôn'],
    ['4', 'Không có thông tin'],
  ),
};

// HN nxnLoaiMucDichSuDung: what the marital-status certificate is for.
const mucDichSuDung: CodeList = {
  id: 'mucDichSuDung',
  title: 'Loại mục đích sử dụng',
  writes: 'code',
  items: items(
    ['1', 'Kết hôn trong nước với người Việt Nam'],
    ['2', 'Kết hôn trong nước với người nước ngoài'],
    ['3', 'Kết hôn ở nước ngoài với người Việt Nam'],
    ['4', 'Kết hôn ở nước ngoài với người nước ngoài'],
    ['5', 'Mục đích khác', 'Khác'],
  ),
};

// CMC: who recognises whom.
const loaiXacNhan: CodeList = {
  id: 'loaiXacNhan',
  title: 'Loại xác nhận',
  writes: 'code',
  items: items(
    ['1', 'Cha nhận con'],
    ['2', 'Mẹ nhận con'],
    ['3', 'Con nhận cha'],
    ['4', 'Con nhận mẹ'],
  ),
};

// The template titles this list with the two column names it serves.
const tuyenBo: CodeList = {
  id: 'tuyenBo',
  title: 'nksMatTich & nksHanCheNangLucHanhVi',
  writes: 'code',
  items: items(['1', 'Tuyên bố'], ['2', 'Hủy tuyên bố', 'Huỷ tuyên bố']),
};

// GSO codes; the cell holds the name, so aliases only help matching.
const danToc: CodeList = {
  id: 'danToc',
  title: 'Dân tộc',
  writes: 'label',
  items: items(
    ['01', 'Kinh', 'Việt'],
    ['02', 'Tày'],
    ['03', 'Thái'],
    ['04', 'Hoa', 'Hán', 'Người Hoa'],
    ['05', 'Khơ-me', 'Khơ Me', 'Khmer', 'Khơ-me Krôm', 'Khmer Krom'],
    ['06', 'Mường'],
    ['07', 'Nùng'],
    ['08', "H'Mông", 'Mông', "H'mông", 'Hmông', 'Hmong', 'Mèo'],
    ['09', 'Dao', 'Mán'],
    ['10', 'Gia-rai', 'Gia Rai', 'Jarai', 'Jrai', 'Giơ-rai'],
    ['11', 'Ngái'],
    ['12', 'Ê-đê', 'Ê Đê', 'Rađê', 'Ra-đê', 'Rhade'],
    ['13', 'Ba Na', 'Ba Na (Rơ-ngao)', 'Bahnar', 'Rơ-ngao'],
    ['14', 'Xơ-Đăng', 'Xơ Đăng', 'Sedang', 'Xê Đăng'],
    ['15', 'Sán Chay', 'Cao Lan', 'Sán Chỉ', 'Cao Lan - Sán Chỉ'],
    ['16', 'Cơ-ho', 'Cơ Ho', "K'Ho", 'Koho'],
    ['17', 'Chăm', 'Chàm'],
    ['18', 'Sán Dìu', 'Sán Déo'],
    ['19', 'Hrê', "H'rê", 'Chăm Rê'],
    ['20', 'Mnông', "M'Nông", 'Mơ Nông', 'Mơ-nông'],
    ['21', 'Ra-glai', 'Ra Glai', 'Raglai', 'Rắc-lây'],
    ['22', 'Xtiêng', "X'tiêng", 'Xa Điêng', 'Stieng'],
    ['23', 'Bru-Vân Kiều', 'Bru - Vân Kiều', 'Vân Kiều', 'Bru'],
    ['24', 'Thổ'],
    ['25', 'Giáy', 'Nhắng'],
    ['26', 'Cơ-tu', 'Cơ Tu', 'Ca Tu', 'Katu'],
    ['27', 'Giẻ Triêng', 'Gié Triêng', 'Giẻ-Triêng'],
    ['28', 'Mạ', 'Châu Mạ'],
    ['29', 'Khơ-mú', 'Khơ Mú', 'Khmu', 'Xá Cẩu'],
    ['30', 'Co', 'Cor'],
    ['31', 'Tà-ôi', 'Tà Ôi', 'Pa Cô'],
    ['32', 'Chơ-ro', 'Chơ Ro', 'Châu Ro'],
    ['33', 'Kháng'],
    ['34', 'Xinh-mun', 'Xinh Mun', 'Puộc'],
    ['35', 'Hà Nhì', 'U Ni'],
    ['36', 'Chu-ru', 'Chu Ru', 'Churu'],
    ['37', 'Lào'],
    ['38', 'La Chí'],
    ['39', 'La Ha'],
    ['40', 'Phù Lá'],
    ['41', 'La Hủ'],
    ['42', 'Lự', 'Lữ'],
    ['43', 'Lô Lô'],
    ['44', 'Chứt', 'Sách', 'Rục'],
    ['45', 'Mảng', 'Mảng Ư'],
    ['46', 'Pà Thẻn', 'Pà Hưng'],
    ['47', 'Cơ Lao'],
    ['48', 'Cống'],
    ['49', 'Bố Y', 'Chủng Chá', 'Tu Dí'],
    ['50', 'Si La'],
    ['51', 'Pu Péo', 'Ka Pèo'],
    ['52', 'Brâu', 'Brao'],
    ['53', 'Ơ Đu', 'Tày Hạt'],
    ['54', 'Rơ-măm', 'Rơ Măm'],
    ['55', 'Người nước ngoài', 'Nước ngoài'],
    ['56', 'Không rõ', 'Không xác định'],
  ),
};

// ISO 3166-1 alpha-2 inside, the usual Vietnamese name in the cell; Việt Nam first because it
// is by far the most common answer. Aliases hold transliterations and English names.
const quocTich: CodeList = {
  id: 'quocTich',
  title: 'Quốc tịch',
  writes: 'label',
  items: items(
    ['VN', 'Việt Nam', 'Vietnam', 'Viet Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['AD', 'Andorra', 'An-đô-ra'],
    ['AE', 'Các Tiểu vương quốc Ả Rập Thống nhất', 'UAE', 'United Arab Emirates'],
    ['AF', 'Afghanistan', 'Áp-ga-ni-xtan'],
    ['AG', 'Antigua và Barbuda', 'Antigua and Barbuda'],
    ['AI', 'Anguilla'],
    ['AL', 'Albania', 'An-ba-ni'],
    ['AM', 'Armenia', 'Ác-mê-ni-a'],
    ['AO', 'Angola', 'Ăng-gô-la'],
    ['AQ', 'Nam Cực', 'Antarctica'],
    ['AR', 'Argentina', 'Ác-hen-ti-na'],
    ['AS', 'Samoa thuộc Mỹ', 'American Samoa'],
    ['AT', 'Áo', 'Austria'],
    ['AU', 'Úc', 'Australia', 'Ô-xtrây-li-a'],
    ['AW', 'Aruba'],
    ['AX', 'Quần đảo Åland', 'Åland'],
    ['AZ', 'Azerbaijan', 'A-déc-bai-gian'],
    ['BA', 'Bosnia và Herzegovina', 'Bosnia and Herzegovina', 'Bô-xni-a Héc-dê-gô-vi-na'],
    ['BB', 'Barbados', 'Bác-ba-đốt'],
    ['BD', 'Bangladesh', 'Băng-la-đét'],
    ['BE', 'Bỉ', 'Belgium'],
    ['BF', 'Burkina Faso', 'Buốc-ki-na Pha-xô'],
    ['BG', 'Bulgaria', 'Bun-ga-ri'],
    ['BH', 'Bahrain', 'Ba-ranh'],
    ['BI', 'Burundi', 'Bu-run-đi'],
    ['BJ', 'Bénin', 'Benin', 'Bê-nanh'],
    ['BL', 'Saint-Barthélemy', 'Saint Barthélemy'],
    ['BM', 'Bermuda'],
    ['BN', 'Brunei', 'Bru-nây', 'Brunei Darussalam'],
    ['BO', 'Bolivia', 'Bô-li-vi-a'],
    ['BQ', 'Caribe thuộc Hà Lan', 'Bonaire, Sint Eustatius và Saba'],
    ['BR', 'Brasil', 'Brazil', 'Bra-xin'],
    ['BS', 'Bahamas', 'Ba-ha-ma'],
    ['BT', 'Bhutan', 'Bu-tan'],
    ['BV', 'Đảo Bouvet', 'Bouvet Island'],
    ['BW', 'Botswana', 'Bốt-xoa-na'],
    ['BY', 'Belarus', 'Bê-la-rút'],
    ['BZ', 'Belize', 'Bê-li-xê'],
    ['CA', 'Canada', 'Ca-na-đa'],
    ['CC', 'Quần đảo Cocos (Keeling)', 'Cocos (Keeling) Islands'],
    ['CD', 'Cộng hòa Dân chủ Congo', 'CHDC Congo', 'Congo - Kinshasa', 'DR Congo'],
    ['CF', 'Cộng hòa Trung Phi', 'Central African Republic', 'Trung Phi'],
    ['CG', 'Cộng hòa Congo', 'Congo', 'Công-gô', 'Congo - Brazzaville'],
    ['CH', 'Thụy Sĩ', 'Thuỵ Sĩ', 'Switzerland'],
    ['CI', 'Bờ Biển Ngà', "Côte d'Ivoire", 'Cốt-đi-voa', 'Ivory Coast'],
    ['CK', 'Quần đảo Cook', 'Cook Islands'],
    ['CL', 'Chile', 'Chi-lê'],
    ['CM', 'Cameroon', 'Ca-mơ-run'],
    ['CN', 'Trung Quốc', 'China', 'Trung Hoa'],
    ['CO', 'Colombia', 'Cô-lôm-bi-a'],
    ['CR', 'Costa Rica', 'Cốt-xta Ri-ca'],
    ['CU', 'Cuba', 'Cu-ba'],
    ['CV', 'Cabo Verde', 'Cape Verde', 'Cáp-ve'],
    ['CW', 'Curaçao'],
    ['CX', 'Đảo Christmas', 'Đảo Giáng Sinh', 'Christmas Island'],
    ['CY', 'Síp', 'Cyprus'],
    ['CZ', 'Séc', 'Cộng hòa Séc', 'Czechia', 'Czech Republic'],
    ['DE', 'Đức', 'Germany', 'Cộng hòa Liên bang Đức', 'CHLB Đức'],
    ['DJ', 'Djibouti', 'Gi-bu-ti'],
    ['DK', 'Đan Mạch', 'Denmark'],
    ['DM', 'Dominica', 'Đô-mi-ni-ca'],
    ['DO', 'Cộng hòa Dominica', 'Dominican Republic', 'Cộng hòa Đô-mi-ni-ca'],
    ['DZ', 'Algérie', 'Algeria', 'An-giê-ri'],
    ['EC', 'Ecuador', 'Ê-cu-a-đo'],
    ['EE', 'Estonia', 'E-xtô-ni-a'],
    ['EG', 'Ai Cập', 'Egypt'],
    ['EH', 'Tây Sahara', 'Western Sahara'],
    ['ER', 'Eritrea', 'Ê-ri-tơ-rê-a'],
    ['ES', 'Tây Ban Nha', 'Spain'],
    ['ET', 'Ethiopia', 'Ê-ti-ô-pi-a'],
    ['FI', 'Phần Lan', 'Finland'],
    ['FJ', 'Fiji', 'Phi-gi'],
    ['FK', 'Quần đảo Falkland', 'Falkland Islands'],
    ['FM', 'Micronesia', 'Mi-crô-nê-xi-a'],
    ['FO', 'Quần đảo Faroe', 'Faroe Islands'],
    ['FR', 'Pháp', 'France'],
    ['GA', 'Gabon', 'Ga-bông'],
    ['GB', 'Vương quốc Anh', 'Anh', 'United Kingdom', 'Liên hiệp Vương quốc Anh và Bắc Ireland'],
    ['GD', 'Grenada', 'Grê-na-đa'],
    ['GE', 'Gruzia', 'Georgia', 'Gru-di-a'],
    ['GF', 'Guyane thuộc Pháp', 'French Guiana', 'Guiana thuộc Pháp'],
    ['GG', 'Guernsey'],
    ['GH', 'Ghana', 'Ga-na'],
    ['GI', 'Gibraltar'],
    ['GL', 'Greenland'],
    ['GM', 'Gambia', 'Găm-bi-a'],
    ['GN', 'Guinée', 'Guinea', 'Ghi-nê'],
    ['GP', 'Guadeloupe'],
    ['GQ', 'Guinea Xích Đạo', 'Equatorial Guinea', 'Ghi-nê Xích Đạo'],
    ['GR', 'Hy Lạp', 'Greece'],
    ['GS', 'Quần đảo Nam Georgia và Nam Sandwich', 'South Georgia and the South Sandwich Islands'],
    ['GT', 'Guatemala', 'Goa-tê-ma-la'],
    ['GU', 'Guam'],
    ['GW', 'Guiné-Bissau', 'Guinea-Bissau', 'Ghi-nê Bít-xao'],
    ['GY', 'Guyana', 'Guy-a-na'],
    ['HK', 'Hồng Kông', 'Hong Kong', 'Hương Cảng'],
    ['HM', 'Đảo Heard và quần đảo McDonald', 'Heard Island and McDonald Islands'],
    ['HN', 'Honduras', 'Hôn-đu-rát'],
    ['HR', 'Croatia', 'Crô-a-ti-a'],
    ['HT', 'Haiti', 'Ha-i-ti'],
    ['HU', 'Hungary', 'Hung-ga-ri'],
    ['ID', 'Indonesia', 'In-đô-nê-xi-a'],
    ['IE', 'Ireland', 'Ai-len', 'Ai Len'],
    ['IL', 'Israel', 'I-xra-en'],
    ['IM', 'Đảo Man', 'Isle of Man'],
    ['IN', 'Ấn Độ', 'India'],
    ['IO', 'Lãnh thổ Ấn Độ Dương thuộc Anh', 'British Indian Ocean Territory'],
    ['IQ', 'Iraq', 'I-rắc'],
    ['IR', 'Iran', 'I-ran'],
    ['IS', 'Iceland', 'Ai-xơ-len', 'Băng Đảo'],
    ['IT', 'Ý', 'Italia', 'Italy', 'I-ta-li-a'],
    ['JE', 'Jersey'],
    ['JM', 'Jamaica', 'Gia-mai-ca'],
    ['JO', 'Jordan', 'Gioóc-đa-ni'],
    ['JP', 'Nhật Bản', 'Nhật', 'Japan'],
    ['KE', 'Kenya', 'Kê-ni-a'],
    ['KG', 'Kyrgyzstan', 'Cư-rơ-gư-xtan', 'Kirghizia'],
    ['KH', 'Campuchia', 'Cam-pu-chia', 'Cambodia'],
    ['KI', 'Kiribati', 'Ki-ri-ba-ti'],
    ['KM', 'Comoros', 'Cô-mo'],
    ['KN', 'Saint Kitts và Nevis', 'Saint Kitts and Nevis'],
    ['KP', 'Triều Tiên', 'Bắc Triều Tiên', 'Cộng hòa Dân chủ Nhân dân Triều Tiên', 'North Korea'],
    ['KR', 'Hàn Quốc', 'Nam Hàn', 'Đại Hàn Dân Quốc', 'South Korea', 'Korea'],
    ['KW', 'Kuwait', 'Cô-oét'],
    ['KY', 'Quần đảo Cayman', 'Cayman Islands'],
    ['KZ', 'Kazakhstan', 'Ca-dắc-xtan'],
    ['LA', 'Lào', 'Laos', 'Cộng hòa Dân chủ Nhân dân Lào'],
    ['LB', 'Liban', 'Lebanon', 'Li-băng'],
    ['LC', 'Saint Lucia', 'Xanh Lu-xi-a'],
    ['LI', 'Liechtenstein', 'Lích-ten-xtai'],
    ['LK', 'Sri Lanka', 'Xri Lan-ca'],
    ['LR', 'Liberia', 'Li-bê-ri-a'],
    ['LS', 'Lesotho', 'Lê-xô-thô'],
    ['LT', 'Litva', 'Lithuania', 'Lít-va'],
    ['LU', 'Luxembourg', 'Lúc-xăm-bua'],
    ['LV', 'Latvia', 'Lát-vi-a'],
    ['LY', 'Libya', 'Li-bi'],
    ['MA', 'Maroc', 'Morocco', 'Ma-rốc'],
    ['MC', 'Monaco', 'Mô-na-cô'],
    ['MD', 'Moldova', 'Môn-đô-va'],
    ['ME', 'Montenegro', 'Môn-tê-nê-grô'],
    ['MF', 'Saint-Martin', 'Saint Martin'],
    ['MG', 'Madagascar', 'Ma-đa-ga-xca'],
    ['MH', 'Quần đảo Marshall', 'Marshall Islands'],
    ['MK', 'Bắc Macedonia', 'North Macedonia', 'Macedonia', 'Ma-xê-đô-ni-a'],
    ['ML', 'Mali', 'Ma-li'],
    ['MM', 'Myanmar', 'Mi-an-ma', 'Miến Điện', 'Burma'],
    ['MN', 'Mông Cổ', 'Mongolia'],
    ['MO', 'Ma Cao', 'Macao', 'Macau'],
    ['MP', 'Quần đảo Bắc Mariana', 'Northern Mariana Islands'],
    ['MQ', 'Martinique'],
    ['MR', 'Mauritanie', 'Mauritania', 'Mô-ri-ta-ni'],
    ['MS', 'Montserrat'],
    ['MT', 'Malta', 'Man-ta'],
    ['MU', 'Mauritius', 'Mô-ri-xơ'],
    ['MV', 'Maldives', 'Man-đi-vơ'],
    ['MW', 'Malawi', 'Ma-la-uy'],
    ['MX', 'México', 'Mexico', 'Mê-hi-cô'],
    ['MY', 'Malaysia', 'Ma-lai-xi-a', 'Mã Lai'],
    ['MZ', 'Mozambique', 'Mô-dăm-bích'],
    ['NA', 'Namibia', 'Na-mi-bi-a'],
    ['NC', 'Nouvelle-Calédonie', 'New Caledonia'],
    ['NE', 'Niger', 'Ni-giê'],
    ['NF', 'Đảo Norfolk', 'Norfolk Island'],
    ['NG', 'Nigeria', 'Ni-giê-ri-a'],
    ['NI', 'Nicaragua', 'Ni-ca-ra-goa'],
    ['NL', 'Hà Lan', 'Netherlands', 'Holland'],
    ['NO', 'Na Uy', 'Norway'],
    ['NP', 'Nepal', 'Nê-pan'],
    ['NR', 'Nauru', 'Nau-ru'],
    ['NU', 'Niue'],
    ['NZ', 'New Zealand', 'Niu Di-lân', 'Tân Tây Lan'],
    ['OM', 'Oman', 'Ô-man'],
    ['PA', 'Panama', 'Pa-na-ma'],
    ['PE', 'Peru', 'Pê-ru'],
    ['PF', 'Polynésie thuộc Pháp', 'French Polynesia', 'Polynesia thuộc Pháp'],
    ['PG', 'Papua New Guinea', 'Pa-pua Niu Ghi-nê'],
    ['PH', 'Philippines', 'Phi-líp-pin', 'Philippin'],
    ['PK', 'Pakistan', 'Pa-ki-xtan'],
    ['PL', 'Ba Lan', 'Poland'],
    ['PM', 'Saint-Pierre và Miquelon', 'Saint Pierre and Miquelon'],
    ['PN', 'Quần đảo Pitcairn', 'Pitcairn'],
    ['PR', 'Puerto Rico', 'Pu-éc-tô Ri-cô'],
    ['PS', 'Palestine', 'Nhà nước Palestine', 'Pa-le-xtin'],
    ['PT', 'Bồ Đào Nha', 'Portugal'],
    ['PW', 'Palau', 'Pa-lau'],
    ['PY', 'Paraguay', 'Pa-ra-goay'],
    ['QA', 'Qatar', 'Ca-ta'],
    ['RE', 'Réunion'],
    ['RO', 'Romania', 'Rumani', 'Ru-ma-ni'],
    ['RS', 'Serbia', 'Xéc-bi-a'],
    ['RU', 'Nga', 'Liên bang Nga', 'Russia', 'Liên Xô'],
    ['RW', 'Rwanda', 'Ru-an-đa'],
    ['SA', 'Ả Rập Xê Út', 'Saudi Arabia', 'Ả-rập Xê-út'],
    ['SB', 'Quần đảo Solomon', 'Solomon Islands', 'Xô-lô-môn'],
    ['SC', 'Seychelles', 'Xây-sen'],
    ['SD', 'Sudan', 'Xu-đăng'],
    ['SE', 'Thụy Điển', 'Thuỵ Điển', 'Sweden'],
    ['SG', 'Singapore', 'Xin-ga-po', 'Xinh-ga-po'],
    ['SH', 'Saint Helena, Ascension và Tristan da Cunha', 'Saint Helena'],
    ['SI', 'Slovenia', 'Xlô-ve-ni-a'],
    ['SJ', 'Svalbard và Jan Mayen', 'Svalbard and Jan Mayen'],
    ['SK', 'Slovakia', 'Xlô-va-ki-a'],
    ['SL', 'Sierra Leone', 'Xi-ê-ra Lê-ôn'],
    ['SM', 'San Marino', 'Xan Ma-ri-nô'],
    ['SN', 'Sénégal', 'Senegal', 'Xê-nê-gan'],
    ['SO', 'Somalia', 'Xô-ma-li'],
    ['SR', 'Suriname', 'Xu-ri-nam'],
    ['SS', 'Nam Sudan', 'South Sudan', 'Nam Xu-đăng'],
    ['ST', 'São Tomé và Príncipe', 'Sao Tome and Principe'],
    ['SV', 'El Salvador', 'En Xan-va-đo'],
    ['SX', 'Sint Maarten'],
    ['SY', 'Syria', 'Xy-ri'],
    ['SZ', 'Eswatini', 'Swaziland', 'Xoa-di-len'],
    ['TC', 'Quần đảo Turks và Caicos', 'Turks and Caicos Islands'],
    ['TD', 'Tchad', 'Chad', 'Sát'],
    ['TF', 'Vùng đất phía Nam và châu Nam Cực thuộc Pháp', 'French Southern Territories'],
    ['TG', 'Togo', 'Tô-gô'],
    ['TH', 'Thái Lan', 'Thailand'],
    ['TJ', 'Tajikistan', 'Tát-gi-ki-xtan'],
    ['TK', 'Tokelau'],
    ['TL', 'Đông Timor', 'Timor-Leste', 'Ti-mo Lét-xtê'],
    ['TM', 'Turkmenistan', 'Tuốc-mê-ni-xtan'],
    ['TN', 'Tunisia', 'Tuy-ni-di'],
    ['TO', 'Tonga', 'Tông-ga'],
    ['TR', 'Thổ Nhĩ Kỳ', 'Türkiye', 'Turkey'],
    ['TT', 'Trinidad và Tobago', 'Trinidad and Tobago'],
    ['TV', 'Tuvalu', 'Tu-va-lu'],
    ['TW', 'Đài Loan', 'Taiwan'],
    ['TZ', 'Tanzania', 'Tan-da-ni-a'],
    ['UA', 'Ukraina', 'Ukraine', 'U-crai-na'],
    ['UG', 'Uganda', 'U-gan-đa'],
    ['UM', 'Các tiểu đảo xa của Hoa Kỳ', 'United States Minor Outlying Islands'],
    ['US', 'Hoa Kỳ', 'Mỹ', 'Hợp chủng quốc Hoa Kỳ', 'United States', 'USA'],
    ['UY', 'Uruguay', 'U-ru-goay'],
    ['UZ', 'Uzbekistan', 'U-dơ-bê-ki-xtan'],
    ['VA', 'Thành Vatican', 'Vatican', 'Tòa Thánh', 'Holy See'],
    ['VC', 'Saint Vincent và Grenadines', 'Saint Vincent and the Grenadines'],
    ['VE', 'Venezuela', 'Vê-nê-xu-ê-la'],
    ['VG', 'Quần đảo Virgin thuộc Anh', 'British Virgin Islands'],
    ['VI', 'Quần đảo Virgin thuộc Mỹ', 'U.S. Virgin Islands', 'Quần đảo Virgin thuộc Hoa Kỳ'],
    ['VU', 'Vanuatu', 'Va-nu-a-tu'],
    ['WF', 'Wallis và Futuna', 'Wallis and Futuna'],
    ['WS', 'Samoa', 'Xa-moa'],
    ['YE', 'Yemen', 'Y-ê-men'],
    ['YT', 'Mayotte'],
    ['ZA', 'Nam Phi', 'South Africa', 'Cộng hòa Nam Phi'],
    ['ZM', 'Zambia', 'Dăm-bi-a'],
    ['ZW', 'Zimbabwe', 'Dim-ba-bu-ê'],
  ),
};

// Relations of the person who came to register (nycQuanHe, nycQH…). The Ministry has no list
// for them: the cell holds free text, so this list only settles how the usual ones are written
// ("cha" → "Cha"; "bố", a synonym, too). Aliases are only other words for the same thing, so
// wording a value never changes what it says. Its codes are ours and never written.
const quanHe: CodeList = {
  id: 'quanHe',
  title: 'Quan hệ',
  writes: 'label',
  items: items(
    ['cha', 'Cha', 'Bố', 'Thân phụ'],
    ['me', 'Mẹ', 'Má', 'Thân mẫu'],
    ['chanuoi', 'Cha nuôi', 'Bố nuôi'],
    ['menuoi', 'Mẹ nuôi'],
    ['ongnoi', 'Ông nội'],
    ['banoi', 'Bà nội'],
    ['ongngoai', 'Ông ngoại'],
    ['bangoai', 'Bà ngoại'],
    ['anh', 'Anh'],
    ['anhruot', 'Anh ruột'],
    ['chi', 'Chị'],
    ['chiruot', 'Chị ruột'],
    ['em', 'Em'],
    ['emruot', 'Em ruột'],
    ['con', 'Con'],
    ['connuoi', 'Con nuôi'],
    ['vo', 'Vợ'],
    ['chong', 'Chồng'],
    ['chu', 'Chú'],
    ['bac', 'Bác'],
    ['co', 'Cô'],
    ['di', 'Dì'],
    ['cau', 'Cậu'],
    ['mo', 'Mợ'],
    ['thim', 'Thím'],
    ['duong', 'Dượng'],
    ['chau', 'Cháu'],
    ['chaunoi', 'Cháu nội'],
    ['chaungoai', 'Cháu ngoại'],
    ['banthan', 'Bản thân'],
    ['giamho', 'Người giám hộ'],
    ['nuoiduong', 'Người nuôi dưỡng'],
    ['uyquyen', 'Người được ủy quyền', 'Người được uỷ quyền'],
    ['hohang', 'Họ hàng'],
  ),
};

export const codeLists: readonly CodeList[] = [
  gioiTinh,
  loaiDangKyKS,
  loaiDangKyKT,
  loaiDangKyKH,
  loaiDangKyCMC,
  loaiGiayTo,
  loaiKhaiSinh,
  loaiCuTru,
  tuyenBo,
  loaiGiayBaoTu,
  tinhTrangKetHon,
  mucDichSuDung,
  loaiXacNhan,
  danToc,
  quocTich,
  quanHe,
];

const byId = new Map(codeLists.map((list) => [list.id, list]));

/** The code list with this id; throws for an unknown id, which is a template-data bug. */
export function getCodeList(id: string): CodeList {
  const list = byId.get(id);
  if (!list) throw new Error(`Unknown code list "${id}"`);
  return list;
}

/**
 * The form two spellings share when they name the same thing: accents, case, spaces,
 * hyphens, apostrophes and other punctuation dropped ("Khơ Me", "khome" → "khome").
 */
export function matchKey(text: string): string {
  return foldAccents(toNFC(text)).replace(/[^\p{L}\p{N}]/gu, '');
}

/** "01" and "1" are the same numeric code. */
function sameNumericCode(a: string, b: string): boolean {
  return /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b);
}

function namesOf(item: CodeItem): string[] {
  return [item.label, ...(item.aliases ?? [])];
}

// Keys are computed once per list: type-ahead calls these on every keystroke.
const keyCache = new WeakMap<CodeList, { item: CodeItem; keys: string[] }[]>();

function keyedItems(list: CodeList): { item: CodeItem; keys: string[] }[] {
  let keyed = keyCache.get(list);
  if (!keyed) {
    keyed = list.items.map((item) => ({ item, keys: namesOf(item).map(matchKey) }));
    keyCache.set(list, keyed);
  }
  return keyed;
}

/**
 * The item a typed value means: its code ("01", "1", "VN"), else its name or another spelling
 * after normalising ("kinh", "khome", "viet nam"), else a code in other letter case ("vn").
 * A name wins over a differently-cased code so that "my" means Mỹ, not Malaysia (MY).
 */
export function matchCode(list: CodeList, input: string): CodeItem | undefined {
  const text = toNFC(input).trim();
  if (text === '') return undefined;
  const byCode = list.items.find((item) => item.code === text || sameNumericCode(item.code, text));
  if (byCode) return byCode;
  const key = matchKey(text);
  if (key !== '') {
    const byName = keyedItems(list).find((entry) => entry.keys.includes(key));
    if (byName) return byName.item;
  }
  const upper = text.toUpperCase();
  return list.items.find((item) => item.code.toUpperCase() === upper);
}

/** What the cell holds for a typed value: the code, or the canonical name for name-written lists. */
export function writtenValue(list: CodeList, input: string): string | undefined {
  const item = matchCode(list, input);
  if (!item) return undefined;
  return list.writes === 'code' ? item.code : item.label;
}

/**
 * Type-ahead: the code itself first, then names that start with the query, then names with a
 * word starting with it, then names containing it; list order within each rank. An empty
 * query gives the head of the list.
 */
export function searchCodeList(list: CodeList, query: string, limit = 10): CodeItem[] {
  const text = toNFC(query).trim();
  if (text === '') return list.items.slice(0, limit);
  const key = matchKey(text);
  const words = foldAccents(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
  const ranked: { item: CodeItem; rank: number; index: number }[] = [];
  keyedItems(list).forEach(({ item, keys }, index) => {
    const rank = rankItem(item, keys, text, key, words);
    if (rank !== null) ranked.push({ item, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((entry) => entry.item);
}

function rankItem(
  item: CodeItem,
  keys: string[],
  text: string,
  key: string,
  words: string,
): number | null {
  if (item.code.toUpperCase() === text.toUpperCase() || sameNumericCode(item.code, text)) return 0;
  if (key === '') return null;
  if (keys.some((k) => k.startsWith(key))) return 1;
  if (words !== '' && namesOf(item).some((name) => wordStarts(name, words))) return 2;
  if (keys.some((k) => k.includes(key))) return 3;
  return null;
}

/** Whether some word of the name (after folding) begins the query ("nam" in "Việt Nam"). */
function wordStarts(name: string, words: string): boolean {
  const folded = foldAccents(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return folded.some((_, i) => folded.slice(i).join(' ').startsWith(words));
}
