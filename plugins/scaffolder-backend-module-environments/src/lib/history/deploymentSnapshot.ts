import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeploymentSnapshot } from '@stageline/plugin-environments-common';
import {
  selectAssemblyStack,
  type AssemblyStack,
  type EnvironmentTarget,
  type PreparedAssembly,
} from '@stageline/plugin-environments-node';

type StackArtifact = {
  type: string;
  environment: string;
  properties?: Record<string, unknown>;
};

/**
 * What a rollback needs to deploy this stack of a cloud assembly again: its artifact (without
 * the files and dependencies around it: file assets stay in the bootstrap bucket under their
 * content hash, and a template the toolkit uploaded stays there too) and its template.
 */
export function snapshotOfAssembly(
  assemblyDir: string,
  stack: AssemblyStack,
  tags: Record<string, string>,
): DeploymentSnapshot {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'),
  ) as { version: string; artifacts: Record<string, StackArtifact> };
  const artifact = manifest.artifacts[stack.artifactId];
  const { templateFile: _templateFile, ...properties } =
    artifact.properties ?? {};
  return {
    manifestVersion: manifest.version,
    artifactId: stack.artifactId,
    environment: artifact.environment,
    properties,
    template: stack.template as Record<string, unknown>,
    tags,
  };
}

/**
 * A cloud assembly holding only the snapshot's stack, for the CDK toolkit library to deploy
 * again; the stack must still be the one the Environment describes (name, region, account).
 *
 * @throws InputError when it is not
 */
export function assemblyOfSnapshot(
  snapshot: DeploymentSnapshot,
  target: EnvironmentTarget,
): PreparedAssembly {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-rollback-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const templateFile = `${snapshot.artifactId}.template.json`;
    fs.writeFileSync(
      path.join(dir, templateFile),
      JSON.stringify(snapshot.template, undefined, 1),
    );
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        version: snapshot.manifestVersion,
        artifacts: {
          [snapshot.artifactId]: {
            type: 'aws:cloudformation:stack',
            environment: snapshot.environment,
            properties: { ...snapshot.properties, templateFile },
          },
        },
      }),
    );
    return {
      dir,
      stack: selectAssemblyStack(dir, target, 'the deployment restored'),
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}
