// @ts-check
/**
 * Microsoft's sample Dataverse webhook payloads (test/fixtures/dataverse) and variants
 * of them: another agent, presence or initiating user, everything else as Dataverse sent it.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function fixtures(/** @type {string} */ dir) {
	const read = (/** @type {string} */ f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
	if (!fs.existsSync(dir)) throw new Error(`Dataverse sample payloads not found at ${dir}`);
	const update = read('agentstatus-update.json');
	const create = read('agentstatus-create.json');
	return {
		update,
		create,
		/**
		 * The update payload for another agent / presence / initiating user (Target and ParentContext alike).
		 * @param {{ agentId?: string, agentStatusId?: string, presenceId?: string, initiatingUserId?: string }} v
		 */
		variant(v) {
			const json = JSON.parse(JSON.stringify(update));
			for (const ctx of [json, json.ParentContext].filter(Boolean)) {
				if (v.initiatingUserId) ctx.InitiatingUserId = ctx.UserId = v.initiatingUserId;
				if (v.agentStatusId) ctx.PrimaryEntityId = v.agentStatusId;
				for (const p of ctx.InputParameters ?? []) {
					const target = p.key === 'Target' ? p.value : null;
					if (!target) continue;
					if (v.agentStatusId) target.Id = v.agentStatusId;
					for (const a of target.Attributes) {
						if (a.key === 'msdyn_currentpresenceid' && v.presenceId) a.value.Id = v.presenceId;
						if (a.key === 'msdyn_agentid' && v.agentId) a.value.Id = v.agentId;
						if (a.key === 'msdyn_agentstatusid' && v.agentStatusId) a.value = v.agentStatusId;
						if (a.key === 'modifiedby' && v.initiatingUserId) a.value.Id = v.initiatingUserId;
					}
				}
			}
			// A new change carries the time it was made, as Dataverse sends it (the sample's is from 2024).
			const now = `/Date(${Date.now()})/`;
			for (const p of [json, json.ParentContext].filter(Boolean).flatMap((ctx) => ctx.InputParameters ?? [])) {
				for (const a of (p.key === 'Target' ? p.value?.Attributes : null) ?? []) {
					if (a.key === 'msdyn_presencemodifiedon' || a.key === 'modifiedon') a.value = now;
				}
			}
			for (const img of json.PostEntityImages ?? []) {
				for (const a of img.value?.Attributes ?? []) if (a.key === 'msdyn_presencemodifiedon' || a.key === 'modifiedon') a.value = now;
			}
			for (const images of [json.PostEntityImages, json.PreEntityImages]) {
				for (const img of images ?? []) {
					for (const a of img.value?.Attributes ?? []) {
						if (a.key === 'msdyn_currentpresenceid' && v.presenceId && images === json.PostEntityImages) a.value.Id = v.presenceId;
						if (a.key === 'msdyn_agentid' && v.agentId) a.value.Id = v.agentId;
					}
				}
			}
			return json;
		},
	};
}

module.exports = { fixtures };
