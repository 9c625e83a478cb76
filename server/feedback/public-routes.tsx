import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { z } from 'zod';

import type { AppEnv } from '../app-env.ts';
import type { Logger } from '../logger.ts';
import type { MediaStore } from '../media/index.ts';
import { renderStatusPage } from '../site/status-page.tsx';
import type { WorkflowDependencies } from '../workflow/apply-transition.ts';
import { maxSubmissionBytes } from './attachments.ts';
import { createChallengeKeys, issueProofOfWork } from './challenge.ts';
import type { FeedbackDependencies } from './dependencies.ts';
import { findDraftOfRequest, isDraftOpen } from './draft-target.ts';
import {
  draftValues,
  handleIntake,
  renderDraftClosed,
  renderIntake,
  TooLargeNotice,
  type IntakeServices,
} from './intake-handler.tsx';
import { emptyIntakeValues } from './intake-form.ts';
import { handleLookup, LookupPage } from './lookup-handler.tsx';
import { AnswersList } from './lookup-page.tsx';
import { createLogOnlyNotifier, type FeedbackNotifier } from './notifier.ts';
import { feedbackPaths } from './paths.ts';
import { feedbackAssets } from './public-assets.ts';
import { renderFeedbackPage } from './public-page.tsx';
import { listPublishedAnswers } from './public-queries.ts';

export type FeedbackSiteOptions = {
  workflow: WorkflowDependencies;
  mediaStore: MediaStore;
  log: Logger;
  /** The secret the anti-spam keys derive from; random per process when absent. */
  challengeSecret?: string | undefined;
  notifier?: FeedbackNotifier;
};

const answersPerPage = 20;
const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

function visitorOrigin(c: Context<AppEnv>): string {
  const { protocol, host, port } = c.var.origin;

  return `${protocol}://${host}${port ? `:${port}` : ''}`;
}

/** The public feedback pages of every portal: the form, the lookup, the answers, draft comments. */
export function createFeedbackSite(options: FeedbackSiteOptions) {
  const keys = createChallengeKeys(options.challengeSecret);
  const deps: FeedbackDependencies = {
    ...options.workflow,
    notifier: options.notifier ?? createLogOnlyNotifier(options.log),
  };
  const services: IntakeServices = { deps, keys, mediaStore: options.mediaStore };
  const site = new Hono<AppEnv>();
  // Hono's csrf() checks form bodies only, which is what these pages post. The origin is
  // compared with the host the visitor used, since behind a proxy c.req.url is http://.
  const sameOrigin = csrf({
    origin: (origin, c) => origin === visitorOrigin(c as Context<AppEnv>),
  });
  const limitBody = bodyLimit({
    maxSize: maxSubmissionBytes,
    onError: (c) =>
      renderFeedbackPage(c as Context<AppEnv>, {
        title: 'Tệp đính kèm quá lớn',
        body: <TooLargeNotice />,
        status: 413,
        isPrivate: true,
      }),
  });

  for (const asset of [feedbackAssets.script, feedbackAssets.styles]) {
    site.get(asset.route, (c) => {
      c.header('Content-Type', asset.contentType);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(asset.body);
    });
  }

  site.get(feedbackPaths.challenge, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await issueProofOfWork(keys, c.var.tenant.id));
  });

  site.get(feedbackPaths.form, (c) => renderIntake(c, keys, { values: emptyIntakeValues }));
  site.post(feedbackPaths.form, sameOrigin, limitBody, (c) => handleIntake(c, services, null));

  site.get(feedbackPaths.draftComment(':slug'), async (c) => {
    const draft = await findDraftOfRequest(c);
    if (!draft || !isDraftOpen(draft)) {
      return draft ? renderDraftClosed(c, draft, 200) : renderStatusPage(c, 404);
    }
    return renderIntake(c, keys, { values: draftValues(draft), draft });
  });
  site.post(feedbackPaths.draftComment(':slug'), sameOrigin, limitBody, async (c) => {
    const draft = await findDraftOfRequest(c);
    if (!draft || !isDraftOpen(draft)) {
      return draft ? renderDraftClosed(c, draft, 409) : renderStatusPage(c, 404);
    }
    return handleIntake(c, services, draft);
  });

  site.get(feedbackPaths.lookup, (c) =>
    renderFeedbackPage(c, {
      title: 'Tra cứu kết quả xử lý phản ánh, kiến nghị',
      body: <LookupPage />,
    }),
  );
  site.post(feedbackPaths.lookup, sameOrigin, (c) => handleLookup(c));

  site.get(feedbackPaths.answers, async (c) => {
    const page = pageNumberSchema.parse(c.req.query('trang'));
    const rows = await listPublishedAnswers(c.var.db, c.var.tenant.id, {
      limit: answersPerPage + 1,
      offset: (page - 1) * answersPerPage,
    });
    return renderFeedbackPage(c, {
      title: 'Trả lời phản ánh, kiến nghị',
      body: (
        <>
          <h1>Trả lời phản ánh, kiến nghị</h1>
          <AnswersList
            answers={rows.slice(0, answersPerPage)}
            page={page}
            hasNext={rows.length > answersPerPage}
          />
        </>
      ),
    });
  });

  return site;
}
