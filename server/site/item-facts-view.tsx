import { FactList } from './components.tsx';
import { formatDateTime, formatIsoDate } from './dates.ts';
import {
  legalStateLabels,
  legalStateTone,
  type BadgeTone,
  type CommentPhase,
  type ItemFacts,
} from './item-facts.ts';

function StatusBadge(props: { tone: BadgeTone; label: string }) {
  return <span class={`badge badge-${props.tone}`}>{props.label}</span>;
}

function commentNotice(phase: CommentPhase, opensOn: string, closesOn: string): string {
  switch (phase) {
    case 'upcoming':
      return `Dự thảo sẽ mở lấy ý kiến từ ngày ${formatIsoDate(opensOn)}.`;
    case 'open':
      return `Dự thảo đang lấy ý kiến đến hết ngày ${formatIsoDate(closesOn)}.`;
    case 'closed':
      return `Đã hết thời hạn lấy ý kiến (kết thúc ngày ${formatIsoDate(closesOn)}).`;
  }
}

const commentPhaseLabels: Record<CommentPhase, string> = {
  upcoming: 'Sắp lấy ý kiến',
  open: 'Đang lấy ý kiến',
  closed: 'Đã kết thúc',
};

const commentPhaseTones: Record<CommentPhase, BadgeTone> = {
  upcoming: 'neutral',
  open: 'positive',
  closed: 'ended',
};

/** The facts block of an item page: the fields its type adds to title and body. */
export function ItemFactsView(props: { facts: ItemFacts }) {
  const { facts } = props;
  switch (facts.type) {
    case 'legal_document': {
      const { fields } = facts;
      return (
        <section class="facts-block" aria-label="Thông tin văn bản">
          <p>
            <StatusBadge tone={legalStateTone[facts.state]} label={legalStateLabels[facts.state]} />
          </p>
          <FactList
            rows={[
              ['Số ký hiệu', fields.numberSymbol],
              ['Loại văn bản', fields.documentType],
              ['Cơ quan ban hành', fields.issuingAuthority],
              ['Người ký', fields.signer],
              ['Ngày ban hành', formatIsoDate(fields.issuedOn)],
              ['Ngày có hiệu lực', formatIsoDate(fields.effectiveOn)],
              ['Ngày hết hiệu lực', fields.expiresOn ? formatIsoDate(fields.expiresOn) : undefined],
            ]}
          />
          <h2 class="facts-heading">Trích yếu</h2>
          <p>{fields.summary}</p>
        </section>
      );
    }
    case 'draft_for_comment': {
      const { fields } = facts;
      return (
        <section class="facts-block" aria-label="Thông tin lấy ý kiến">
          <p>
            <StatusBadge
              tone={commentPhaseTones[facts.phase]}
              label={commentPhaseLabels[facts.phase]}
            />{' '}
            {commentNotice(facts.phase, fields.opensOn, fields.closesOn)}
          </p>
          <FactList
            rows={[
              ['Đơn vị soạn thảo', fields.draftingUnit],
              ['Ngày bắt đầu lấy ý kiến', formatIsoDate(fields.opensOn)],
              ['Ngày kết thúc lấy ý kiến', formatIsoDate(fields.closesOn)],
            ]}
          />
        </section>
      );
    }
    case 'announcement': {
      const { validUntil } = facts.fields;
      if (!validUntil) {
        return null;
      }
      return (
        <section class="facts-block" aria-label="Thông tin thông báo">
          <p>
            {facts.isStillValid ? (
              <StatusBadge tone="positive" label="Còn hiệu lực" />
            ) : (
              <StatusBadge tone="ended" label="Đã hết hiệu lực" />
            )}{' '}
            Thông báo có hiệu lực đến hết ngày {formatIsoDate(validUntil)}.
          </p>
        </section>
      );
    }
    case 'procurement_notice': {
      const { fields } = facts;
      return (
        <section class="facts-block" aria-label="Thông tin đấu thầu">
          {facts.closingAt ? (
            <p>
              {facts.isClosed ? (
                <StatusBadge tone="ended" label="Đã đóng thầu" />
              ) : (
                <StatusBadge tone="positive" label="Đang nhận hồ sơ dự thầu" />
              )}
            </p>
          ) : null}
          <FactList
            rows={[
              ['Loại thông báo', fields.noticeType],
              ['Chủ đầu tư', fields.investor],
              ['Tên gói thầu', fields.packageName],
              [
                'Thời điểm đóng thầu',
                facts.closingAt ? formatDateTime(facts.closingAt) : undefined,
              ],
            ]}
          />
        </section>
      );
    }
    case 'statistics_report':
      return (
        <section class="facts-block" aria-label="Thông tin báo cáo">
          <FactList rows={[['Kỳ báo cáo', facts.fields.period]]} />
        </section>
      );
    case 'article':
      return facts.fields.source ? <p class="meta">Nguồn: {facts.fields.source}</p> : null;
  }
}
