import { z } from 'zod';

import type { Config } from '../config.ts';
import { flattenTemplates } from '../content/category-templates.ts';
import {
  defaultRichTextPolicy,
  richTextAttributeChoices,
  richTextTagChoices,
} from '../content/sanitize.ts';
import { boardRoleNames, tenantRoleNames } from '../db/schema/index.ts';
import { defaultUploadLimits } from '../media/upload-limits.ts';
import { HostnameSchema } from '../tenancy/tenant-file-schema.ts';
import { booleanKind, numberKind, setKind, type PolicyKind } from './kinds.ts';
import { attributeMapKind, deadlineMapKind, type DeadlineMap } from './map-kinds.ts';
import {
  categoryOptions,
  mimeOptions,
  operatorFieldOptions,
  roleOptions,
  tagOptions,
  type PolicyOption,
} from './options.ts';

export type Localized = { vi: string; en: string };

/** The unit a number policy is counted in, for the admin screens. */
export type PolicyUnit = 'bytes' | 'days' | 'working_days' | 'minutes' | 'hours';

export type PolicyDefinition<V, B> = {
  label: Localized;
  description: Localized;
  kind: PolicyKind<V, B>;
  /** The value when the board has no setting; config-backed policies replace it at run time. */
  defaultValue: V;
  defaultBounds: B | null;
  unit?: PolicyUnit;
  /** The members a set may have, with labels; null where any valid string is accepted. */
  options?: PolicyOption[];
};

/** Lets each entry of the table infer its own value and bounds types. */
function definePolicy<V, B>(definition: PolicyDefinition<V, B>): PolicyDefinition<V, B> {
  return definition;
}

const mebibyte = 1024 * 1024;
const templates = flattenTemplates();
const categoryKeys = templates.map((template) => template.key);
const CategoryKeySchema = z.enum(categoryKeys as [string, ...string[]]);
const roleNames: readonly string[] = [...boardRoleNames, ...tenantRoleNames];

/** Template deadlines, so a portal without a board setting keeps the deadlines it started with. */
const templateDeadlines: DeadlineMap = Object.fromEntries(
  templates.flatMap((template) => (template.deadline ? [[template.key, template.deadline]] : [])),
);

/** Fields of the footer's operator block that a policy can require, as paths into it. */
export const operatorFieldPaths = [
  'agency.vi',
  'agency.en',
  'responsiblePerson',
  'responsibleTitle.vi',
  'address.vi',
  'address.en',
  'phone',
  'fax',
  'email',
] as const;

/** HTML and XHTML are never stored; SVG has a switch of its own because it is sanitised. */
const UploadMimeSchema = z
  .string()
  .regex(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/, 'must be a MIME type such as application/pdf')
  .refine((mime) => !['text/html', 'application/xhtml+xml', 'image/svg+xml'].includes(mime), {
    message: 'HTML is never accepted and SVG is governed by media.allow_svg',
  });

/**
 * Every board policy. Each enforcement point reads the effective value for its tenant through
 * `effectivePolicy()`; the keys are part of the admin API.
 */
export const policyDefinitions = {
  'content.required_categories': definePolicy({
    label: { vi: 'Chuyên mục bắt buộc', en: 'Required categories' },
    description: {
      vi: 'Các chuyên mục mẫu mà mọi cổng phải có.',
      en: 'Template categories that every portal must have.',
    },
    kind: setKind({ direction: 'grow', item: CategoryKeySchema }),
    // A portal of a state agency publishes its functions, organisation, contacts, news, legal
    // documents, plans and procedures.
    defaultValue: [
      'introduction',
      'functions',
      'organisation',
      'contacts',
      'news',
      'legal-documents',
      'strategies-plans',
      'procedures',
    ],
    defaultBounds: null,
    options: categoryOptions(templates),
  }),
  'content.review_required_categories': definePolicy({
    label: {
      vi: 'Chuyên mục cần Bộ phận Thường trực duyệt',
      en: "Categories that need the standing section's review",
    },
    description: {
      vi:
        'Tin bài của cổng thành viên thuộc các chuyên mục này phải gửi lên Cổng chính, ' +
        'hoặc được lãnh đạo Ban Biên tập duyệt, trước khi đăng.',
      en:
        'Member-portal items in these categories are sent to the main portal, or approved ' +
        'by a board leader, before they are published.',
    },
    kind: setKind({ direction: 'grow', item: CategoryKeySchema }),
    // Units answer for their own portals, so no category needs central review until the board
    // names one.
    defaultValue: [],
    defaultBounds: null,
    options: categoryOptions(templates),
  }),
  'content.deadlines': definePolicy({
    label: { vi: 'Thời hạn đăng tải theo chuyên mục', en: 'Publication deadlines by category' },
    description: {
      vi: 'Thời hạn tính theo ngày làm việc hoặc giờ làm việc, từ khi ký ban hành hoặc khi gửi.',
      en: 'Deadlines in working days or working hours, from signing or from submission.',
    },
    kind: deadlineMapKind(categoryKeys),
    defaultValue: templateDeadlines,
    defaultBounds: null,
    options: categoryOptions(templates),
  }),
  'content.stale_page_days': definePolicy({
    label: { vi: 'Số ngày trang chưa cập nhật', en: 'Days before a page is out of date' },
    description: {
      vi:
        'Trang đã đăng mà không được cập nhật quá số ngày này sẽ được nêu trong ' +
        'báo cáo tuân thủ.',
      en: 'Published pages not updated for longer than this are listed in the compliance overview.',
    },
    kind: numberKind({ direction: 'lower', min: 1, max: 3650 }),
    defaultValue: 180,
    defaultBounds: null,
    unit: 'days',
  }),
  'content.html_tags': definePolicy({
    label: { vi: 'Thẻ HTML được phép', en: 'Allowed HTML elements' },
    description: {
      vi: 'Các thẻ được giữ lại trong nội dung khi lưu và khi hiển thị.',
      en: 'Elements kept in rich text on save and when a page renders.',
    },
    kind: setKind({
      direction: 'shrink',
      item: z.enum(richTextTagChoices as [string, ...string[]]),
    }),
    defaultValue: [...defaultRichTextPolicy.tags],
    // Without paragraphs and line breaks no text can be laid out.
    defaultBounds: { mustInclude: ['p', 'br'] },
    options: tagOptions(richTextTagChoices),
  }),
  'content.html_attributes': definePolicy({
    label: { vi: 'Thuộc tính HTML được phép', en: 'Allowed HTML attributes' },
    description: {
      vi: 'Các thuộc tính được giữ lại, theo từng thẻ.',
      en: 'Attributes kept, per element.',
    },
    kind: attributeMapKind(richTextAttributeChoices),
    defaultValue: Object.fromEntries(
      Object.entries(defaultRichTextPolicy.attributes).map(([tag, names]) => [tag, [...names]]),
    ),
    defaultBounds: null,
  }),
  'content.embed_hosts': definePolicy({
    label: { vi: 'Trang được phép nhúng', en: 'Hosts that may be embedded' },
    description: {
      vi: 'Khung nhúng (iframe) chỉ được giữ lại khi trỏ tới các tên miền này qua https.',
      en: 'An iframe is kept only when it points at one of these hosts over https.',
    },
    kind: setKind({ direction: 'shrink', item: HostnameSchema, maxItems: 50 }),
    // Public pages allow frames from the portal's own origin only, so no host is embedded until
    // the board names one.
    defaultValue: [...defaultRichTextPolicy.embedHosts],
    defaultBounds: null,
  }),
  'media.upload_types': definePolicy({
    label: { vi: 'Loại tệp được tải lên', en: 'File types that may be uploaded' },
    description: {
      vi: 'Loại tệp nhận diện từ nội dung tệp, không theo tên tệp.',
      en: 'Types as detected from the bytes, never from the file name.',
    },
    kind: setKind({ direction: 'shrink', item: UploadMimeSchema, maxItems: 100 }),
    defaultValue: [...defaultUploadLimits.allowedTypes],
    defaultBounds: null,
    options: mimeOptions(defaultUploadLimits.allowedTypes),
  }),
  'media.allow_svg': definePolicy({
    label: { vi: 'Nhận ảnh SVG', en: 'Accept SVG images' },
    description: {
      vi: 'Ảnh SVG được làm sạch trước khi lưu.',
      en: 'SVG images are sanitised before they are stored.',
    },
    kind: booleanKind('disable'),
    defaultValue: defaultUploadLimits.allowSvg,
    defaultBounds: null,
  }),
  'media.max_upload_bytes': definePolicy({
    label: { vi: 'Dung lượng tối đa của một tệp', en: 'Maximum size of one file' },
    description: {
      vi: 'Tệp lớn hơn bị từ chối ngay khi nhận.',
      en: 'Larger files are rejected while they arrive.',
    },
    kind: numberKind({ direction: 'lower', min: 1024, max: 2048 * mebibyte }),
    defaultValue: defaultUploadLimits.maxBytes,
    defaultBounds: null,
    unit: 'bytes',
  }),
  'media.quota_bytes': definePolicy({
    label: { vi: 'Dung lượng lưu trữ của cổng', en: 'Storage quota of a portal' },
    description: {
      vi: 'Tổng dung lượng các tệp gốc của một cổng.',
      en: "The total size of a portal's original files.",
    },
    kind: numberKind({ direction: 'lower', min: mebibyte, max: 1024 * 1024 * mebibyte }),
    defaultValue: defaultUploadLimits.quotaBytes,
    defaultBounds: null,
    unit: 'bytes',
  }),
  'workflow.unit_self_publish': definePolicy({
    label: {
      vi: 'Biên tập viên đơn vị được duyệt đăng',
      en: "A unit's editors approve publication",
    },
    description: {
      vi: 'Khi tắt, tin bài của cổng thành viên phải được quản trị đơn vị duyệt trước khi đăng.',
      en: "When off, a member portal's items are approved by its unit admin before publication.",
    },
    kind: booleanKind('disable'),
    defaultValue: true,
    defaultBounds: null,
  }),
  'feedback.answer_days': definePolicy({
    label: {
      vi: 'Thời hạn trả lời phản ánh, kiến nghị',
      en: 'Time to answer feedback and petitions',
    },
    description: {
      vi: 'Số ngày kể từ ngày tiếp nhận.',
      en: 'Days from the day of receipt.',
    },
    kind: numberKind({ direction: 'lower', min: 1, max: 365 }),
    // Petitions are answered within 20 days of receipt.
    defaultValue: 20,
    defaultBounds: null,
    unit: 'days',
  }),
  'feedback.progress_working_days': definePolicy({
    label: {
      vi: 'Chu kỳ cập nhật tiến độ xử lý',
      en: 'Working days between progress notes',
    },
    description: {
      vi: 'Phản ánh chưa trả lời xong được cập nhật tiến độ sau mỗi chu kỳ này.',
      en: 'A case not yet answered gets a progress note at least this often.',
    },
    kind: numberKind({ direction: 'lower', min: 1, max: 60 }),
    // A petition still being handled gets a progress update every 7 working days.
    defaultValue: 7,
    defaultBounds: null,
    unit: 'working_days',
  }),
  'site.required_operator_fields': definePolicy({
    label: { vi: 'Thông tin bắt buộc ở chân trang', en: 'Required footer fields' },
    description: {
      vi: 'Thông tin về cơ quan chủ quản phải có trên mọi trang công khai.',
      en: 'Operator details that every public page must show.',
    },
    kind: setKind({ direction: 'grow', item: z.enum(operatorFieldPaths) }),
    // Every page names the owning agency and the person responsible for its content, with an
    // address, a phone number and an email address. Fax is optional because many units have none.
    defaultValue: ['agency.vi', 'responsiblePerson', 'address.vi', 'phone', 'email'],
    defaultBounds: null,
    options: operatorFieldOptions(operatorFieldPaths),
  }),
  'security.second_factor_roles': definePolicy({
    label: { vi: 'Vai trò phải xác thực hai lớp', en: 'Roles that must use a second factor' },
    description: {
      vi: 'Áp dụng cho toàn hệ thống vì một người có thể làm việc cho nhiều cổng.',
      en: 'Applies platform-wide, because one person can work for several portals.',
    },
    kind: setKind({ direction: 'none', item: z.enum(roleNames as [string, ...string[]]) }),
    defaultValue: [
      'board_head',
      'board_standing_deputy',
      'board_deputy',
      'board_member',
      'standing_staff',
      'security_auditor',
      'focal_point',
    ],
    defaultBounds: null,
    options: roleOptions(roleNames),
  }),
  'sessions.idle_minutes': definePolicy({
    label: { vi: 'Thời gian chờ của phiên đăng nhập', en: 'Session idle timeout' },
    description: {
      vi: 'Phiên kết thúc khi không hoạt động quá số phút này.',
      en: 'A session ends after this many minutes without a request.',
    },
    kind: numberKind({ direction: 'none', min: 1, max: 1440 }),
    defaultValue: 30,
    defaultBounds: null,
    unit: 'minutes',
  }),
  'sessions.max_age_hours': definePolicy({
    label: { vi: 'Thời hạn tối đa của phiên đăng nhập', en: 'Maximum session age' },
    description: {
      vi: 'Phiên kết thúc sau số giờ này kể từ khi đăng nhập, dù vẫn hoạt động.',
      en: 'A session ends this many hours after sign-in, however active it is.',
    },
    kind: numberKind({ direction: 'none', min: 1, max: 720 }),
    // NOTE: a session's absolute expiry is fixed when it is created. A shorter maximum age
    // therefore reaches only sessions started after the change, while the idle timeout applies
    // to every session at once.
    defaultValue: 12,
    defaultBounds: null,
    unit: 'hours',
  }),
};

export type PolicyKey = keyof typeof policyDefinitions;

export type PolicyValue<K extends PolicyKey> = (typeof policyDefinitions)[K]['defaultValue'];

export type PolicyValues = { [K in PolicyKey]: PolicyValue<K> };

/** Code defaults replaced at run time, such as those the environment configures. */
export type PolicyDefaults = Partial<PolicyValues>;

export const policyKeys = Object.keys(policyDefinitions) as PolicyKey[];

export function isPolicyKey(key: string): key is PolicyKey {
  return Object.hasOwn(policyDefinitions, key);
}

/**
 * Returns the defaults the environment sets. Session lifetimes and second-factor roles stay as
 * configured until the board has a setting of its own.
 */
export function policyDefaultsFromConfig(
  config: Pick<Config, 'sessions' | 'secondFactorRoles'>,
): PolicyDefaults {
  return {
    'security.second_factor_roles': config.secondFactorRoles.filter((role) =>
      roleNames.includes(role),
    ),
    'sessions.idle_minutes': config.sessions.idleMinutes,
    'sessions.max_age_hours': config.sessions.maxAgeHours,
  };
}
