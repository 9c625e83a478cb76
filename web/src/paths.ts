/** The base the server serves the admin under; every path below is relative to it. */
export const adminBase = '/admin';

/** Paths of the admin's pages. The reset path is fixed by the links the server sends. */
export const paths = {
  signIn: '/dang-nhap',
  secondFactor: '/dang-nhap/ma-xac-thuc',
  enrolment: '/thiet-lap-xac-thuc',
  passwordReset: '/dat-lai-mat-khau',
  dashboard: '/',
  members: '/nguoi-dung',
  boardAccounts: '/ban-bien-tap',
  portals: '/cac-cong',
  audit: '/nhat-ky-kiem-tra',
  content: '/noi-dung',
  contentNew: '/noi-dung/moi',
  contentItem: '/noi-dung/:itemId',
  reviewQueue: '/hang-cho-duyet',
  submissions: '/gui-cong-bo',
  submission: '/gui-cong-bo/:itemId',
  media: '/thu-vien',
  policies: '/chinh-sach',
  compliance: '/tuan-thu',
  feedback: '/phan-anh',
  feedbackStatistics: '/phan-anh/thong-ke',
  feedbackCase: '/phan-anh/:caseId',
  sessions: '/tai-khoan/phien-dang-nhap',
  password: '/tai-khoan/mat-khau',
} as const;

/** The editor's path for one content item. */
export const contentItemPath = (itemId: string) => `/noi-dung/${encodeURIComponent(itemId)}`;

/** A unit's page for one item it sent to the main portal. */
export const submissionPath = (itemId: string) => `/gui-cong-bo/${encodeURIComponent(itemId)}`;

/** The handling page of one feedback case. */
export const feedbackCasePath = (caseId: string) => `/phan-anh/${encodeURIComponent(caseId)}`;

/** The path inside the admin, from the router's full pathname. */
export function pathInAdmin(pathname: string): string {
  const inside = pathname.startsWith(adminBase) ? pathname.slice(adminBase.length) : pathname;
  const trimmed = inside.replace(/\/+$/, '');

  return trimmed === '' ? '/' : trimmed;
}

/** Accepts a `tiep` (next page) query value only when it is a path inside the admin. */
export function safeNextPath(value: string | undefined | null): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return undefined;
  }
  return value;
}
