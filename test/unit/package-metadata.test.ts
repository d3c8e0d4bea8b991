import { readFileSync } from 'fs';
import { join } from 'path';

// What n8n and npm show about the package must agree, and README must tell the maintainer which
// fields to set before the first release (the release workflow refuses the placeholders).
const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const PLACEHOLDER_EMAIL = 'SET-BEFORE-FIRST-RELEASE';

describe('package.json metadata', () => {
	const repository = String(pkg.repository.url).replace(/^git\+/, '').replace(/\.git$/, '');

	it('points homepage and bugs at the repository', () => {
		expect(repository).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
		expect(pkg.homepage).toBe(`${repository}#readme`);
		expect(pkg.bugs.url).toBe(`${repository}/issues`);
	});

	it('carries a real author e-mail or the marked placeholder, nothing invented', () => {
		const email: string = pkg.author.email;
		if (email !== PLACEHOLDER_EMAIL) expect(email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i);
		const shown = JSON.stringify([pkg.author, pkg.homepage, pkg.bugs, pkg.repository]);
		expect(shown).not.toMatch(/\.(local|example|invalid|test)\b/);
	});

	it('is found as an n8n community node for Digistore24', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.keywords).toContain('digistore24');
		expect(pkg.description).toMatch(/Digistore24/);
		expect(pkg.license).toBe('MIT');
	});

	it('README says which fields the maintainer sets before the first release', () => {
		const section = readme.split('### Before the first release')[1]?.split('\n## ')[0] ?? '';
		for (const field of ['author', 'repository', 'homepage', 'bugs', 'NPM_TOKEN', PLACEHOLDER_EMAIL]) {
			expect(section).toContain(field);
		}
	});
});
