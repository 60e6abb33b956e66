import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError } from '../../features/shared/errors.ts';
import { CsrfError } from './request-context.ts';

interface ErrorPage {
  status: number;
  title: string;
  heading: string;
  lines: string[];
  backHref?: string;
  backText?: string;
}

const pages = {
  notFound: {
    status: 404,
    title: 'Page not found',
    heading: 'Page not found',
    lines: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  forbidden: {
    status: 403,
    title: 'You cannot see this page',
    heading: 'You do not have permission to see this page',
    lines: ['If you think you should have access, ask an administrator to check your role.'],
    backHref: '/dashboard',
    backText: 'Go to your dashboard',
  },
  csrf: {
    status: 403,
    title: 'The form has expired',
    heading: 'Sorry, that form has expired',
    lines: [
      'For your security, forms only work for a limited time and from the page they were opened on. Nothing was saved.',
      'Go back, reload the page and try again.',
    ],
  },
  tooMany: {
    status: 429,
    title: 'Too many attempts',
    heading: 'Too many attempts',
    lines: ['You have tried too many times in a short while. Wait a minute, then try again.'],
  },
  serverError: {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    heading: 'Sorry, there is a problem with the service',
    lines: ['Try again later. Nothing you entered has been saved unless you saw a confirmation.'],
  },
} satisfies Record<string, ErrorPage>;

function showPage(reply: FastifyReply, page: ErrorPage) {
  reply.code(page.status);
  return reply.view('pages/errors/error.njk', { pageTitle: page.title, ...page });
}

/** More files than a form takes: back to that form, as its route says (multipart.ts). */
function tooManyFiles(request: FastifyRequest): ErrorPage {
  const form = request.routeOptions.config.tooManyFiles;
  return {
    status: 413,
    title: 'Too many files',
    heading: 'You chose more files than this form takes',
    lines: [
      'Nothing was saved. Go back and choose fewer files at once.',
      ...(form ? [form.commandLine] : []),
    ],
    ...(form ? { backHref: form.backHref(request), backText: form.backText } : {}),
  };
}

function clientError(status: number): ErrorPage {
  return {
    status,
    title: 'There is a problem with your request',
    heading: 'There is a problem with your request',
    lines: ['The request could not be understood. Go back and try again.'],
  };
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => showPage(reply, pages.notFound));

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof NotFoundError) return showPage(reply, pages.notFound);
    if (error instanceof ForbiddenError) return showPage(reply, pages.forbidden);
    if (error instanceof CsrfError) {
      request.log.warn({ reason: 'csrf' }, 'refused a form without a valid CSRF token');
      return showPage(reply, pages.csrf);
    }
    if (error.statusCode === 429) return showPage(reply, pages.tooMany);
    if (error.code === 'FST_FILES_LIMIT') return showPage(reply, tooManyFiles(request));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return showPage(reply, clientError(error.statusCode));
    }
    request.log.error(
      { err: { type: error.name, message: error.message, stack: error.stack } },
      'request failed',
    );
    return showPage(reply, pages.serverError);
  });
}
