import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import environmentsPlugin from '@stageline/plugin-environments/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { catalogGraphModule } from './modules/catalogGraph';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    environmentsPlugin,
    catalogPlugin,
    catalogGraphModule,
    navModule,
    homeModule,
    signInModule,
  ],
});
