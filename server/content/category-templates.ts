import type { DeadlineRule } from '../db/schema/index.ts';

/** A category every new portal starts with; units may add their own beside them. */
export type CategoryTemplate = {
  key: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  isStanding?: boolean;
  deadline?: DeadlineRule;
  children?: CategoryTemplate[];
};

/** Legal documents are posted in full within 2 working days of signing. */
const legalDeadline: DeadlineRule = { amount: 2, unit: 'working_days', from: 'signing' };
/** News is posted within 4 working hours of the event. */
const newsDeadline: DeadlineRule = { amount: 4, unit: 'working_hours', from: 'submission' };
/** Strategies, plans, investment and procurement information within 3 working days. */
const planDeadline: DeadlineRule = { amount: 3, unit: 'working_days', from: 'submission' };

/**
 * The category tree of a portal of a state agency: the sections its portal is expected to
 * carry (introduction, news, direction, legal documents, plans, procedures, law dissemination,
 * procurement, statistics, science programmes, questions and answers).
 */
export const categoryTemplates: CategoryTemplate[] = [
  {
    key: 'introduction',
    slug: 'gioi-thieu',
    nameVi: 'Giới thiệu',
    nameEn: 'About us',
    isStanding: true,
    children: [
      {
        key: 'functions',
        slug: 'chuc-nang-nhiem-vu',
        nameVi: 'Chức năng, nhiệm vụ',
        nameEn: 'Functions and duties',
        isStanding: true,
      },
      {
        key: 'organisation',
        slug: 'co-cau-to-chuc',
        nameVi: 'Cơ cấu tổ chức',
        nameEn: 'Organisation',
        isStanding: true,
      },
      {
        key: 'history',
        slug: 'lich-su-hinh-thanh',
        nameVi: 'Lịch sử hình thành',
        nameEn: 'History',
        isStanding: true,
      },
      {
        key: 'contacts',
        slug: 'lien-he',
        nameVi: 'Liên hệ và đầu mối',
        nameEn: 'Contacts',
        isStanding: true,
      },
    ],
  },
  {
    key: 'news',
    slug: 'tin-tuc-su-kien',
    nameVi: 'Tin tức – Sự kiện',
    nameEn: 'News and events',
    deadline: newsDeadline,
    children: [
      {
        key: 'leadership-news',
        slug: 'hoat-dong-lanh-dao',
        nameVi: 'Hoạt động của lãnh đạo',
        nameEn: 'Leadership activities',
        deadline: newsDeadline,
      },
      {
        key: 'unit-news',
        slug: 'tin-hoat-dong',
        nameVi: 'Tin hoạt động',
        nameEn: 'Activities',
        deadline: newsDeadline,
      },
      {
        key: 'press-releases',
        slug: 'thong-cao-bao-chi',
        nameVi: 'Thông cáo báo chí',
        nameEn: 'Press releases',
        deadline: newsDeadline,
      },
    ],
  },
  {
    key: 'direction',
    slug: 'chi-dao-dieu-hanh',
    nameVi: 'Chỉ đạo, điều hành',
    nameEn: 'Direction and administration',
    deadline: legalDeadline,
  },
  {
    key: 'legal-documents',
    slug: 'van-ban',
    nameVi: 'Văn bản',
    nameEn: 'Legal documents',
    isStanding: true,
    deadline: legalDeadline,
    children: [
      {
        key: 'legal-normative',
        slug: 'van-ban-quy-pham-phap-luat',
        nameVi: 'Văn bản quy phạm pháp luật',
        nameEn: 'Legal normative documents',
        isStanding: true,
        deadline: legalDeadline,
      },
      {
        key: 'administrative-documents',
        slug: 'van-ban-quan-ly-hanh-chinh',
        nameVi: 'Văn bản quản lý hành chính',
        nameEn: 'Administrative documents',
        deadline: legalDeadline,
      },
      {
        key: 'drafts-for-comment',
        slug: 'du-thao-lay-y-kien',
        nameVi: 'Dự thảo lấy ý kiến',
        nameEn: 'Drafts for public comment',
        deadline: legalDeadline,
      },
    ],
  },
  {
    key: 'strategies-plans',
    slug: 'chien-luoc-ke-hoach',
    nameVi: 'Chiến lược – Quy hoạch – Kế hoạch',
    nameEn: 'Strategies and plans',
    deadline: planDeadline,
  },
  {
    key: 'procedures',
    slug: 'thu-tuc-hanh-chinh',
    nameVi: 'Thủ tục hành chính và dịch vụ công',
    nameEn: 'Procedures and public services',
    isStanding: true,
  },
  {
    key: 'law-dissemination',
    slug: 'pho-bien-phap-luat',
    nameVi: 'Phổ biến, hướng dẫn pháp luật',
    nameEn: 'Law dissemination',
  },
  {
    key: 'procurement',
    slug: 'du-an-dau-thau',
    nameVi: 'Dự án – Đầu tư – Đấu thầu',
    nameEn: 'Projects, investment and procurement',
    deadline: planDeadline,
  },
  {
    key: 'statistics',
    slug: 'thong-ke',
    nameVi: 'Thông tin thống kê',
    nameEn: 'Statistics',
  },
  {
    key: 'science',
    slug: 'chuong-trinh-de-tai-khoa-hoc',
    nameVi: 'Chương trình, đề tài khoa học',
    nameEn: 'Science programmes',
  },
  {
    key: 'questions',
    slug: 'hoi-dap',
    nameVi: 'Hỏi đáp',
    nameEn: 'Questions and answers',
  },
];

/** Flattens the template tree, parents before children. */
export function flattenTemplates(
  templates: CategoryTemplate[] = categoryTemplates,
  parentKey: string | null = null,
): (CategoryTemplate & { parentKey: string | null; order: number })[] {
  return templates.flatMap((template, index) => [
    { ...template, parentKey, order: (index + 1) * 10 },
    ...flattenTemplates(template.children ?? [], template.key),
  ]);
}
