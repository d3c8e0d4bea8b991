import { licenseKeyFor } from '../../emulator/data/extras';
import { useEmulator } from './helpers';

const h = useEmulator(300);

describe('License key → Validate (validateLicenseKey)', () => {
	it('says whether the key belongs to the order and the order is paid', async () => {
		const paid = h.emulator.state.data.purchases.find((p) => p.transactions.every((t) => t.type === 'payment'))!;
		const [valid] = await h.run('licenseKey', 'validate', { purchaseId: paid.id, licenseKey: ` ${licenseKeyFor(paid.id)} ` });
		expect(h.calls()[0]).toMatchObject({ function: 'validateLicenseKey', params: { purchase_id: paid.id, license_key: licenseKeyFor(paid.id), language: 'en' } });
		expect(valid.json).toMatchObject({ is_license_key_found: true, is_license_valid: true, product_id: paid.product.id });

		const [wrong] = await h.run('licenseKey', 'validate', { purchaseId: paid.id, licenseKey: 'AAAA-BBBB-CCCC-DDDD' });
		expect(wrong.json).toMatchObject({ is_license_key_found: false, is_license_valid: false });

		const refunded = h.emulator.state.data.purchases.find((p) => p.transactions.some((t) => t.type === 'refund'))!;
		const [revoked] = await h.run('licenseKey', 'validate', { purchaseId: refunded.id, licenseKey: licenseKeyFor(refunded.id) });
		expect(revoked.json).toMatchObject({ is_license_key_found: true, is_license_valid: false, last_transaction_type: 'refund' });
	});
});
