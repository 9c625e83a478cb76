/** The public addresses of the feedback pages on every portal. */
export const feedbackPaths = {
  form: '/gop-y',
  challenge: '/gop-y/thu-thach',
  lookup: '/tra-cuu-gop-y',
  answers: '/tra-loi-phan-anh',
  draftComment: (slug: string) => `/du-thao/${slug}/gop-y`,
  draft: (slug: string) => `/du-thao/${slug}`,
};
