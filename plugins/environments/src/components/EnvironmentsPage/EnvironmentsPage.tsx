import { Content, Header, Page } from '@backstage/core-components';
import { EnvironmentsOverview } from './EnvironmentsOverview';

/**
 * The `/environments` page for the legacy frontend system: all components × stages.
 *
 * @public
 */
export function EnvironmentsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Environments"
        subtitle="Every component's environments, by stage"
      />
      <Content>
        <EnvironmentsOverview />
      </Content>
    </Page>
  );
}
