import { PageHeading } from '../components/PageHeading.tsx';

// TODO: scaffold only; the screen is being built.
export default function FeedbackStatistics() {
  return <PageHeading title="FeedbackStatistics" />;
}
