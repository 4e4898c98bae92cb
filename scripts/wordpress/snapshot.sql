-- Database snapshots for scripts/wordpress-dev.sh (snapshot / restore / reset).
-- copy_database(src, dst) makes dst an exact copy of src's tables: tables only in dst
-- are dropped, the others emptied and refilled, and AUTO_INCREMENT counters reset, so
-- a restored WordPress hands out the same post ids as the first time. Copying rows
-- inside the server takes a fraction of a second for a test-sized site, much less
-- than reloading a dump or restarting MariaDB on a copied data directory.
CREATE DATABASE IF NOT EXISTS kisync_admin;
USE kisync_admin;
DELIMITER //
CREATE OR REPLACE PROCEDURE copy_database(src VARCHAR(64), dst VARCHAR(64))
MODIFIES SQL DATA
BEGIN
  EXECUTE IMMEDIATE CONCAT('CREATE DATABASE IF NOT EXISTS `', dst, '`');
  FOR t IN (
    SELECT d.table_name AS name FROM information_schema.tables d
    WHERE d.table_schema = dst AND d.table_type = 'BASE TABLE'
      AND d.table_name NOT IN (
        SELECT s.table_name FROM information_schema.tables s WHERE s.table_schema = src)
  ) DO
    EXECUTE IMMEDIATE CONCAT('DROP TABLE `', dst, '`.`', t.name, '`');
  END FOR;
  FOR t IN (
    SELECT s.table_name AS name FROM information_schema.tables s
    WHERE s.table_schema = src AND s.table_type = 'BASE TABLE'
  ) DO
    EXECUTE IMMEDIATE CONCAT('CREATE TABLE IF NOT EXISTS `', dst, '`.`', t.name,
                             '` LIKE `', src, '`.`', t.name, '`');
    EXECUTE IMMEDIATE CONCAT('DELETE FROM `', dst, '`.`', t.name, '`');
    EXECUTE IMMEDIATE CONCAT('INSERT INTO `', dst, '`.`', t.name,
                             '` SELECT * FROM `', src, '`.`', t.name, '`');
    EXECUTE IMMEDIATE CONCAT('ALTER TABLE `', dst, '`.`', t.name, '` AUTO_INCREMENT = 1');
  END FOR;
END//
DELIMITER ;
