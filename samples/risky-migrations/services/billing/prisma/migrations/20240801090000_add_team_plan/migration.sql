-- AlterTable
ALTER TABLE `Subscription` MODIFY `plan` ENUM('BASIC', 'TEAM', 'PLUS', 'PRO') NOT NULL DEFAULT 'BASIC';
