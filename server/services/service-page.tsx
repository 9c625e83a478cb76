import type { Child } from 'hono/jsx';

import { Breadcrumbs, FactList, trailFrom } from '../site/components.tsx';
import { formatDate } from '../site/dates.ts';
import { servicePaths } from './paths.ts';
import type { PublicService } from './public-catalogue.ts';
import { deliveryModeLabels, provisionLabels, type DeliveryMode } from './service-schemas.ts';

function Section(props: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Splits text that staff typed with blank lines into paragraphs. */
function Paragraphs(props: { text: string }) {
  const paragraphs = props.text.split(/\n\s*\n/).map((part) => part.trim());

  return (
    <>
      {paragraphs.filter(Boolean).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
    </>
  );
}

function modesOf(modes: readonly DeliveryMode[]): string | undefined {
  return modes.length > 0 ? modes.map((mode) => deliveryModeLabels[mode]).join(', ') : undefined;
}

function provisionText(service: PublicService): string {
  const label = provisionLabels[service.provision];

  return service.legacyLevel ? `${label} (trước đây: mức độ ${service.legacyLevel})` : label;
}

/** Renders the page of one service, with every part of the procedure's record it has. */
export function ServicePage(props: { service: PublicService; isMain: boolean }) {
  const { service } = props;
  const { details } = service;
  const catalogue = props.isMain
    ? `${servicePaths.catalogue}?don-vi=${encodeURIComponent(service.unit.slug)}`
    : servicePaths.catalogue;
  return (
    <article>
      <Breadcrumbs
        trail={trailFrom(
          { href: servicePaths.catalogue, label: 'Dịch vụ công trực tuyến' },
          ...(props.isMain ? [{ href: catalogue, label: service.unit.nameVi }] : []),
          { label: service.nameVi },
        )}
      />
      <h1>{service.nameVi}</h1>
      {service.nameEn ? (
        <p class="meta" lang="en">
          {service.nameEn}
        </p>
      ) : null}
      {service.externalUrl ? (
        <p>
          <a class="apply-link" href={service.externalUrl} rel="external">
            Nộp hồ sơ trực tuyến
          </a>{' '}
          <span class="meta">trên hệ thống của {service.unit.nameVi}</span>
        </p>
      ) : null}
      <div class="facts-block">
        <FactList
          rows={[
            ['Thủ tục hành chính', service.procedureName],
            ['Mã thủ tục', service.code],
            ['Mức độ cung cấp', provisionText(service)],
            ['Lĩnh vực', service.field],
            ['Cơ quan thực hiện', service.agency],
            ['Đơn vị', service.unit.nameVi],
            ['Thời hạn giải quyết', `${service.processingDays} ngày làm việc`],
            ['Phí, lệ phí', service.fees ?? undefined],
            ['Đối tượng thực hiện', details.targetApplicants],
            ['Cách thức nộp hồ sơ', modesOf(details.submissionModes)],
            ['Hình thức nhận kết quả', modesOf(details.returnModes)],
            ['Kết quả thực hiện', details.result],
          ]}
        />
      </div>
      {details.steps.length > 0 ? (
        <Section id="trinh-tu" title="Trình tự thực hiện">
          <ol>
            {details.steps.map((step) => (
              <li>{step}</li>
            ))}
          </ol>
        </Section>
      ) : null}
      {service.howToApply ? (
        <Section id="cach-thuc" title="Cách thức thực hiện">
          <Paragraphs text={service.howToApply} />
        </Section>
      ) : null}
      <Section id="thanh-phan-ho-so" title="Thành phần hồ sơ">
        {service.requiredDocuments.length > 0 ? (
          <ol>
            {service.requiredDocuments.map((document) => (
              <li>{document}</li>
            ))}
          </ol>
        ) : (
          <p class="empty">Đơn vị chưa công bố thành phần hồ sơ trên cổng.</p>
        )}
      </Section>
      {details.forms.length > 0 ? (
        <Section id="mau-don" title="Mẫu đơn, tờ khai">
          <ul>
            {details.forms.map((form) => (
              <li>{form}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {details.conditions ? (
        <Section id="dieu-kien" title="Yêu cầu, điều kiện thực hiện">
          <Paragraphs text={details.conditions} />
        </Section>
      ) : null}
      {details.legalBasis.length > 0 || details.publishingDecision ? (
        <Section id="can-cu" title="Căn cứ pháp lý">
          <ul>
            {details.legalBasis.map((basis) => (
              <li>{basis}</li>
            ))}
          </ul>
          {details.publishingDecision ? (
            <p>Quyết định công bố thủ tục: {details.publishingDecision}</p>
          ) : null}
        </Section>
      ) : null}
      <Section id="theo-doi" title="Theo dõi hồ sơ">
        <ul>
          <li>
            <a href={servicePaths.lookup}>Tra cứu tiến độ hồ sơ đã nộp</a>
          </li>
          <li>
            <a href={servicePaths.statistics}>Thống kê tình hình giải quyết hồ sơ</a>
          </li>
        </ul>
      </Section>
      <p class="meta">
        Cập nhật:{' '}
        <time datetime={service.updatedAt.toISOString()}>{formatDate(service.updatedAt)}</time>
      </p>
    </article>
  );
}
