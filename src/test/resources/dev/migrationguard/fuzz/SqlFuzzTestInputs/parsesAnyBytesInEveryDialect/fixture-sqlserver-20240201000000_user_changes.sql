/*
  Warnings:

  - You are about to drop the column `name` on the `User` table. All the data in the column will be lost.
  - Added the required column `tenant` to the `User` table without a default value. This is not possible if the table is not empty.

*/
BEGIN TRY

BEGIN TRAN;

-- AlterTable
ALTER TABLE [dbo].[User] DROP COLUMN [name]; -- expect: destructive-drop
ALTER TABLE [dbo].[User] ADD [fullName] NVARCHAR(1000), -- expect: drop-and-add-column
[tenant] NVARCHAR(1000) NOT NULL, -- expect: add-not-null-without-default
[score] INT NOT NULL CONSTRAINT [User_score_df] DEFAULT 0;
ALTER TABLE [dbo].[User] ALTER COLUMN [age] INT NOT NULL; -- expect: set-not-null
ALTER TABLE [dbo].[User] ALTER COLUMN [bio] NVARCHAR(50) NULL; -- expect: alter-column-type
ALTER TABLE [dbo].[User] ALTER COLUMN [email] NVARCHAR(1000) NOT NULL;

-- CreateIndex
CREATE UNIQUE NONCLUSTERED INDEX [User_fullName_key] ON [dbo].[User]([fullName]); -- expect: add-unique-constraint

-- CreateIndex (no create-index-blocking outside PostgreSQL)
CREATE NONCLUSTERED INDEX [User_age_idx] ON [dbo].[User]([age]);

EXEC SP_RENAME N'dbo.User.bio', N'about', N'COLUMN'; -- expect: rename-breaks-clients

COMMIT TRAN;

END TRY
BEGIN CATCH

IF @@TRANCOUNT > 0
BEGIN
    ROLLBACK TRAN;
END;
THROW

END CATCH
