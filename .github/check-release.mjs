// Run by .github/workflows/release.yml before `npm publish`: stops a release whose tag, version or
// package.json metadata would publish something wrong. npm itself refuses provenance when
// repository.url is not the repository that runs the workflow, but says so only after the build.
//   node .github/check-release.mjs <tag> <https://github.com/owner/repo>
import { readFileSync } from 'node:fs';

const [tag, runningRepository] = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const problems = [];
if (tag !== `v${pkg.version}`) problems.push(`the tag is ${tag}, package.json's version is ${pkg.version} (tag v${pkg.version})`);
if (repository !== runningRepository) problems.push(`package.json's repository is ${repository}, this repository is ${runningRepository}`);
if (pkg.homepage !== `${repository}#readme`) problems.push(`homepage should be ${repository}#readme`);
if (pkg.bugs?.url !== `${repository}/issues`) problems.push(`bugs.url should be ${repository}/issues`);
if (!/^[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}$/i.test(pkg.author?.email ?? '')) problems.push(`author.email is "${pkg.author?.email}", not the maintainer's address`);
for (const p of problems) console.log(`::error::${p} (README: Before the first release)`);
if (problems.length) process.exit(1);
console.log(`releasing ${pkg.name}@${pkg.version} from ${repository}`);
