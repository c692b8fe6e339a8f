import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_LAST_PUSH,
  ANNOTATION_PREVIEW_OF,
  ANNOTATION_PREVIEW_TTL,
  ANNOTATION_PULL_REQUEST,
  ANNOTATION_PULL_REQUEST_AUTHOR,
  ANNOTATION_PULL_REQUEST_BRANCH,
  ANNOTATION_PULL_REQUEST_OPENED,
  ANNOTATION_PULL_REQUEST_URL,
  ENVIRONMENT_API_VERSION,
  ENVIRONMENT_KIND,
  EnvironmentEntityV1alpha1,
} from '@stageline/plugin-environments-common';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  previewLocation,
  previewStackName,
} from '@stageline/plugin-environments-node';
import type { PreviewSource } from './findPreviewSources';
import type { OpenPullRequest } from './openPullRequests';

/** The longest entity name the catalog accepts. */
const MAX_NAME_LENGTH = 63;

/** `{component}-pr-{n}`, the name of a component's preview; undefined when it would be too long. */
export function previewName(
  componentRef: string,
  number: number,
): string | undefined {
  const name = `${parseEntityRef(componentRef).name}-pr-${number}`;
  return name.length <= MAX_NAME_LENGTH ? name : undefined;
}

/**
 * The preview Environment of a pull request: named `{component}-pr-{n}`, owned by the
 * component's owner, `environmentOf` the component, on the pull request's head branch, deployed
 * as the Environment it is modelled on (mode, region, account) at the previews' scale, its
 * stack named after that Environment's (`MacroAiPr42Stack`), with the pull request's number,
 * page, author, head branch, opening and last push in annotations.
 */
export function previewEntity(
  source: PreviewSource,
  pull: OpenPullRequest,
  lastPush: string,
): EnvironmentEntityV1alpha1 | undefined {
  const { component, componentRef, environment, repository } = source;
  const name = previewName(componentRef, pull.number);
  if (!name) return undefined;
  const namespace = component.metadata.namespace ?? 'default';
  const owner = stringifyEntityRef(
    parseEntityRef(String((component.spec as { owner?: unknown }).owner), {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }),
  );
  const location = previewLocation(componentRef);
  const deployment = environment.spec.deployment;
  return {
    apiVersion: ENVIRONMENT_API_VERSION,
    kind: ENVIRONMENT_KIND,
    metadata: {
      name,
      namespace,
      title: `${
        component.metadata.title ?? component.metadata.name
      } (preview, PR ${pull.number})`,
      description: pull.title.slice(0, 200),
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_GITHUB_PROJECT_SLUG]: `${repository.owner}/${repository.repo}`,
        [ANNOTATION_PULL_REQUEST]: String(pull.number),
        [ANNOTATION_PULL_REQUEST_URL]: pull.url,
        [ANNOTATION_PULL_REQUEST_AUTHOR]: pull.author,
        [ANNOTATION_PULL_REQUEST_BRANCH]: pull.branch,
        [ANNOTATION_PULL_REQUEST_OPENED]: pull.openedAt,
        [ANNOTATION_LAST_PUSH]: lastPush,
        [ANNOTATION_PREVIEW_TTL]: source.settings.ttl,
        [ANNOTATION_PREVIEW_OF]: stringifyEntityRef(environment),
      },
      links: [{ url: pull.url, title: `Pull request #${pull.number}` }],
    },
    spec: {
      type: 'preview',
      owner,
      ...(environment.spec.system ? { system: environment.spec.system } : {}),
      component: componentRef,
      scale: source.settings.scale,
      branch: pull.branch,
      ...(deployment
        ? {
            deployment: {
              ...deployment,
              stackName: previewStackName(environment, pull.number),
            },
          }
        : {}),
    },
  };
}
