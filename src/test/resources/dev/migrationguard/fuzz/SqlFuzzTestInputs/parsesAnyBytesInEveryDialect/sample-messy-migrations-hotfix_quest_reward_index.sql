-- Ran by hand on production during the incident.
CREATE INDEX "Quest_reward_idx" ON "Quest"("reward");
