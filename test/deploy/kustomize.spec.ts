import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { loadAll } from 'js-yaml';
import { KEY_FILE_NAMES } from '../../src/platform/config/key-file.js';
import { imageEnvironment, ROOT, startCommand } from './image.js';

const kubectl = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'kubectl')));
if (!kubectl) console.warn('Kubernetes manifests: not rendered, there is no kubectl here (its `kubectl kustomize` renders them offline).');
const testWithKubectl = kubectl ? test : test.skip;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rendered manifests are read field by field, as YAML gives them
type Manifest = Record<string, any>;

function render(folder: string): Manifest[] {
  const yaml = execFileSync('kubectl', ['kustomize', join(ROOT, 'deploy', 'kubernetes', folder)], { encoding: 'utf8' });
  return loadAll(yaml) as Manifest[];
}

function one(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([name, value]) => labels[name] === value);
}

function envOf(container: Manifest): Record<string, Manifest> {
  return Object.fromEntries((container.env as Manifest[]).map((variable) => [variable.name, variable]));
}

/** What every pod of the base must hold: a user other than root, no privilege to gain. */
function expectNonRoot(pod: Manifest): void {
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
  expect(pod.securityContext.runAsUser).not.toBe(0);
  for (const container of [...(pod.initContainers ?? []), ...pod.containers] as Manifest[]) {
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  }
}

describe('Kubernetes manifests (kustomize)', () => {
  testWithKubectl('the base runs two replicas of the image, probed on its health routes, behind a Service, a disruption budget and an autoscaler', () => {
    const manifests = render('base');
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual([
      'Deployment',
      'HorizontalPodAutoscaler',
      'Job',
      'PersistentVolumeClaim',
      'PodDisruptionBudget',
      'Service',
    ]);
    const deployment = one(manifests, 'Deployment');
    const pod = deployment.spec.template;
    const [container] = pod.spec.containers as Manifest[];

    expect(deployment.spec.replicas).toBe(2);
    expect(selects(deployment.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
    expect(container!.ports).toEqual([{ name: 'http', containerPort: Number(imageEnvironment().PORT) }]);
    expect(container!.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(container!.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expectNonRoot(pod.spec);
    const witness = (pod.spec.volumes as Manifest[]).find((volume) => volume.name === 'audit-witness')!;
    expect(witness.persistentVolumeClaim.claimName).toBe(one(manifests, 'PersistentVolumeClaim').metadata.name);
    expect(one(manifests, 'PersistentVolumeClaim').spec.accessModes).toEqual(['ReadWriteMany']);
    const witnessMount = (container!.volumeMounts as Manifest[]).find((volumeMount) => volumeMount.name === 'audit-witness')!;
    expect(envOf(container!).AUDIT_WITNESS_DIR!.value).toBe(witnessMount.mountPath);

    const service = one(manifests, 'Service');
    expect(selects(service.spec.selector, pod.metadata.labels)).toBe(true);
    expect(service.spec.ports).toEqual([expect.objectContaining({ targetPort: 'http' })]);
    const budget = one(manifests, 'PodDisruptionBudget');
    expect(selects(budget.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
    expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    const autoscaler = one(manifests, 'HorizontalPodAutoscaler');
    expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    expect(autoscaler.spec.minReplicas).toBe(deployment.spec.replicas);
  });

  testWithKubectl('every replica and the read models job read the same three keys and the admin password as files from Secrets', () => {
    const manifests = render('base');
    for (const workload of [one(manifests, 'Deployment'), one(manifests, 'Job')]) {
      const pod = workload.spec.template.spec;
      const container = (pod.containers as Manifest[])[0]!;
      const env = envOf(container);
      const mount = (container.volumeMounts as Manifest[]).find((volumeMount) => volumeMount.name === 'secrets')!;
      const sources = (pod.volumes as Manifest[]).find((volume) => volume.name === 'secrets')!.projected.sources as Manifest[];
      /** The Secret and key that the file a variable names is projected from. */
      const secretBehind = (variable: string) => {
        const path = env[variable]!.value as string;
        for (const { secret } of sources) {
          const item = (secret.items as Manifest[]).find((candidate) => `${mount.mountPath}/${candidate.path}` === path);
          if (item) return { secret: secret.name, key: item.key };
        }
        return undefined;
      };

      expect(mount.readOnly).toBe(true);
      for (const [variable, fileName] of Object.entries(KEY_FILE_NAMES)) expect(secretBehind(variable)).toEqual({ secret: 'disciplina-keys', key: fileName });
      expect(secretBehind('ADMIN_PASSWORD_FILE')).toEqual({ secret: 'disciplina-admin', key: 'password' });
      expect(Object.keys(env)).not.toContain('JWT_SECRET');
    }
  });

  testWithKubectl(
    'the service logs in from a Secret of its own; the Job alone holds the schema owner’s login, to migrate and then rebuild the read models',
    () => {
      const manifests = render('base');
      const service = envOf(one(manifests, 'Deployment').spec.template.spec.containers[0]);
      const job = one(manifests, 'Job');
      const pod = job.spec.template.spec;
      const [migrate] = pod.initContainers as Manifest[];
      const [rebuild] = pod.containers as Manifest[];
      const [node, ...nodeOptions] = startCommand().slice(0, -1);
      const owner = { secretKeyRef: { name: 'disciplina-database-owner', key: 'url' } };

      expect(service.DATABASE_URL!.valueFrom).toEqual({ secretKeyRef: { name: 'disciplina-database', key: 'url' } });
      expect(Object.keys(service)).not.toContain('MIGRATION_DATABASE_URL');
      expect(migrate!.command).toEqual([node, ...nodeOptions, 'dist/src/cli/main.js', 'migrate']);
      expect(envOf(migrate!).MIGRATION_DATABASE_URL!.valueFrom).toEqual(owner);
      expect(rebuild!.command).toEqual([node, ...nodeOptions, 'dist/src/cli/main.js', 'rebuild', '--needed']);
      expect(envOf(rebuild!).DATABASE_URL!.valueFrom).toEqual(owner);
      expect(pod.restartPolicy).toBe('Never');
      expectNonRoot(pod);
      expect(JSON.stringify(manifests.filter((manifest) => manifest !== job))).not.toContain('disciplina-database-owner');
      expect(selects(one(manifests, 'Service').spec.selector, job.spec.template.metadata.labels)).toBe(false);
    },
  );

  testWithKubectl(
    'the production overlay puts everything in its namespace, pins the image and runs three replicas, two of them kept through disruptions',
    () => {
      const manifests = render('overlays/production');
      expect(manifests.map((manifest) => manifest.kind).sort()).toEqual([
        'Deployment',
        'HorizontalPodAutoscaler',
        'Job',
        'PersistentVolumeClaim',
        'PodDisruptionBudget',
        'Service',
      ]);
      expect(new Set(manifests.map((manifest) => manifest.metadata.namespace))).toEqual(new Set(['disciplina']));
      const deployment = one(manifests, 'Deployment');
      const images = [deployment, one(manifests, 'Job')].flatMap(({ spec }) =>
        [...(spec.template.spec.initContainers ?? []), ...spec.template.spec.containers].map((container: Manifest) => container.image as string),
      );

      expect(deployment.spec.replicas).toBe(3);
      expect(one(manifests, 'HorizontalPodAutoscaler').spec.minReplicas).toBe(3);
      expect(one(manifests, 'PodDisruptionBudget').spec.minAvailable).toBe(2);
      expect(images).toHaveLength(3);
      expect(new Set(images).size).toBe(1);
      expect(images[0]).toMatch(/^[^:]+\/disciplina:[\w.-]+$/);
      expectNonRoot(deployment.spec.template.spec);
    },
  );
});
