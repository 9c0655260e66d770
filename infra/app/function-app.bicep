// The Feed function app on the Flex Consumption plan (FC1), .NET 10 isolated worker, running as a user-assigned
// identity. No connection strings or keys: storage and Application Insights are reached with Entra ID.

@description('Name of the function app (also its default host name: <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Location of the plan and the app.')
param location string

@description('Tags of the plan and the app (the azd-service-name tag is added here).')
param tags object

@description('azd service name, as in azure.yaml.')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Name of the storage account.')
param storageAccountName string

@description('Container of the deployment package.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Upload container (Feed__UploadContainer).')
param uploadContainerName string

@description('Data container (Feed__DataContainer).')
param dataContainerName string

@description('Largest article file accepted, in bytes (Feed__MaxFileBytes).')
param maxFileBytes int

@description('Absolute base URL the feeds are served under (Feed__PublicBaseUrl); empty for https://<default host name>.')
param publicBaseUrl string

@description('Language the feeds declare, a BCP 47 tag (Feed__Language).')
param language string = 'en'

@description('Proxies trusted for X-Forwarded-Host/Proto, comma-separated addresses or CIDR networks (Feed__KnownProxies); empty in Azure, where Feed__PublicBaseUrl decides every link.')
param knownProxies string = ''

@description('Newest entries a feed document holds; older ones are on RFC 5005 archive pages (Feed__HeadSize).')
param headSize int = 50

@description('Entries per archive page; a full page is served as immutable (Feed__ArchivePageSize).')
param archivePageSize int = 100

@description('How long a served feed index is used before storage is asked whether it changed, as hh:mm:ss (Feed__IndexFreshness).')
param indexFreshness string = '00:00:01'

@description('How long past that an index is still served while storage is asked in the background, as hh:mm:ss (Feed__IndexStaleWhileRevalidate).')
param indexStaleWhileRevalidate string = '00:00:30'

@description('How long the last good version of a feed is still served while storage fails, as d.hh:mm:ss (Feed__IndexStaleIfError).')
param indexStaleIfError string = '1.00:00:00'

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound of instances the platform may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption takes the runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION must not be set here.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    Feed__UploadContainer: uploadContainerName
    Feed__DataContainer: dataContainerName
    Feed__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicBaseUrl
    Feed__KnownProxies: knownProxies
    Feed__Language: language
    Feed__MaxFileBytes: string(maxFileBytes)
    Feed__HeadSize: string(headSize)
    Feed__ArchivePageSize: string(archivePageSize)
    Feed__IndexFreshness: indexFreshness
    Feed__IndexStaleWhileRevalidate: indexStaleWhileRevalidate
    Feed__IndexStaleIfError: indexStaleIfError
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
