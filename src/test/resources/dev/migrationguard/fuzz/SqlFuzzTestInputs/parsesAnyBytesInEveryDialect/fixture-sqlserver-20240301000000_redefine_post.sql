/*
  Warnings:

  - You are about to drop the column `legacy` on the `Post` table. All the data in the column will be lost.

*/
BEGIN TRY

BEGIN TRAN;

-- RedefineTables
BEGIN TRANSACTION;
DECLARE @SQL NVARCHAR(MAX) = N''
SELECT @SQL += N'ALTER TABLE '
    + QUOTENAME(OBJECT_SCHEMA_NAME(PARENT_OBJECT_ID))
    + '.'
    + QUOTENAME(OBJECT_NAME(PARENT_OBJECT_ID))
    + ' DROP CONSTRAINT '
    + OBJECT_NAME(OBJECT_ID) + ';'
FROM SYS.OBJECTS
WHERE TYPE_DESC LIKE '%CONSTRAINT'
    AND OBJECT_NAME(PARENT_OBJECT_ID) = 'Post'
    AND SCHEMA_NAME(SCHEMA_ID) = 'dbo'
EXEC sp_executesql @SQL
;
CREATE TABLE [dbo].[_prisma_new_Post] (
    [id] INT NOT NULL IDENTITY(1,1),
    [title] NVARCHAR(1000) NOT NULL,
    [authorId] INT NOT NULL,
    CONSTRAINT [Post_pkey] PRIMARY KEY CLUSTERED ([id])
);
SET IDENTITY_INSERT [dbo].[_prisma_new_Post] ON;
IF EXISTS(SELECT * FROM [dbo].[Post])
    EXEC('INSERT INTO [dbo].[_prisma_new_Post] ([authorId],[id],[title]) SELECT [authorId],[id],[title] FROM [dbo].[Post] WITH (holdlock tablockx)');
SET IDENTITY_INSERT [dbo].[_prisma_new_Post] OFF;
DROP TABLE [dbo].[Post]; -- expect: destructive-drop
EXEC SP_RENAME N'dbo._prisma_new_Post', N'Post';
COMMIT;

-- CreateIndex
CREATE NONCLUSTERED INDEX [Post_authorId_idx] ON [dbo].[Post]([authorId]);

-- AddForeignKey
ALTER TABLE [dbo].[Post] ADD CONSTRAINT [Post_authorId_fkey] FOREIGN KEY ([authorId]) REFERENCES [dbo].[User]([id]) ON DELETE NO ACTION ON UPDATE CASCADE;

COMMIT TRAN;

END TRY
BEGIN CATCH

IF @@TRANCOUNT > 0
BEGIN
    ROLLBACK TRAN;
END;
THROW

END CATCH
