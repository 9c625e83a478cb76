import type { CategoryTemplate } from '../content/category-templates.ts';
import { describeMime } from '../media/media-types.ts';

/** One member a set policy may have, with its label for the admin screens. */
export type PolicyOption = { value: string; label: { vi: string; en: string } };

export function categoryOptions(templates: readonly CategoryTemplate[]): PolicyOption[] {
  return templates.map((template) => ({
    value: template.key,
    label: { vi: template.nameVi, en: template.nameEn },
  }));
}

export function tagOptions(tags: readonly string[]): PolicyOption[] {
  return tags.map((tag) => ({ value: tag, label: { vi: `<${tag}>`, en: `<${tag}>` } }));
}

export function mimeOptions(mimes: readonly string[]): PolicyOption[] {
  return mimes.map((mime) => {
    const extension = describeMime(mime, mime).extension.toUpperCase();
    return { value: mime, label: { vi: `Tệp ${extension}`, en: `${extension} file` } };
  });
}

const roleLabels: Record<string, { vi: string; en: string }> = {
  board_head: { vi: 'Trưởng Ban Biên tập', en: 'Board head' },
  board_standing_deputy: { vi: 'Phó Trưởng ban thường trực', en: 'Standing deputy head' },
  board_deputy: { vi: 'Phó Trưởng ban', en: 'Deputy head' },
  board_member: { vi: 'Thành viên Ban Biên tập', en: 'Board member' },
  standing_staff: { vi: 'Bộ phận Thường trực', en: 'Standing section' },
  security_auditor: { vi: 'Kiểm tra an toàn thông tin', en: 'Security auditor' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit admin' },
  focal_point: { vi: 'Cán bộ đầu mối', en: 'Focal point' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  author: { vi: 'Tác giả, cộng tác viên', en: 'Author' },
};

export function roleOptions(roles: readonly string[]): PolicyOption[] {
  return roles.map((role) => ({ value: role, label: roleLabels[role] ?? { vi: role, en: role } }));
}

const operatorFieldLabels: Record<string, { vi: string; en: string }> = {
  'agency.vi': { vi: 'Tên cơ quan chủ quản', en: 'Owning agency' },
  'agency.en': { vi: 'Tên cơ quan chủ quản (tiếng Anh)', en: 'Owning agency (English)' },
  responsiblePerson: {
    vi: 'Người chịu trách nhiệm quản lý nội dung',
    en: 'Person responsible for content',
  },
  'responsibleTitle.vi': { vi: 'Chức vụ của người chịu trách nhiệm', en: 'Their title' },
  'address.vi': { vi: 'Địa chỉ', en: 'Address' },
  'address.en': { vi: 'Địa chỉ (tiếng Anh)', en: 'Address (English)' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  fax: { vi: 'Fax', en: 'Fax' },
  email: { vi: 'Thư điện tử', en: 'Email' },
};

export function operatorFieldOptions(paths: readonly string[]): PolicyOption[] {
  return paths.map((path) => ({
    value: path,
    label: operatorFieldLabels[path] ?? { vi: path, en: path },
  }));
}
