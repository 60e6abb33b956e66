/** A list's page title with its page when it has several ("Audit log (page 2 of 5)"), as GOV.UK advises. */
export const pagedTitle = (title: string, page: number, pages: number): string =>
  pages > 1 ? `${title} (page ${page} of ${pages})` : title;
