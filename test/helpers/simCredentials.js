// @ts-check
/**
 * Credential data for the three credential types, pointed at a running simulator through the
 * credentials' advanced endpoint overrides (as a user would point them at a proxy).
 * @param {any} sim the object startSimulator() returned
 */
function simCredentials(sim) {
	return {
		dynamicsContactCenterApi: {
			environmentUrl: sim.urls.dataverse,
			tenantId: sim.clients.dataverse.tenantId,
			clientId: sim.clients.dataverse.clientId,
			clientSecret: sim.clients.dataverse.clientSecret,
			overrideEndpoints: true,
			authEndpoint: sim.urls.dataverseLogin(),
		},
		genesysCloudPresenceApi: {
			clientId: sim.clients.genesys.clientId,
			clientSecret: sim.clients.genesys.clientSecret,
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.genesysApi,
			authEndpoint: `${sim.urls.genesysLogin}/oauth/token`,
		},
		vonageContactCenterApi: {
			clientId: sim.clients.vonage.clientId,
			clientSecret: sim.clients.vonage.clientSecret,
			scopes: 'users:read users:write stats',
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.vonage,
			authEndpoint: sim.urls.vonageToken,
		},
	};
}

/** What a node's `credentials` parameter looks like in an exported workflow. */
const credentialRef = (type) => ({ [type]: { id: `${type}-1`, name: `${type} (simulator)` } });

module.exports = { simCredentials, credentialRef };
