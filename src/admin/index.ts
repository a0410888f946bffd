export {
  AdminInputError,
  createAdmin,
  type Admin,
  type AdminDeps,
  type DeliveryReport,
  type DirectoryImport,
} from './admin.ts';
export {
  ADMIN_COMMANDS,
  commandPath,
  findCommand,
  type AdminCommand,
  type AuditDetail,
  type OptionSpec,
  type OptionSpecs,
  type OptionValues,
  type Upload,
} from './commands.ts';
