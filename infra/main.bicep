// Feed on Azure: a Flex Consumption function app (.NET 10 isolated) that ingests article files uploaded to a blob
// container (Event Grid based blob trigger) and serves the feeds over HTTP. Deployed with `azd up` (azure.yaml).
// The Event Grid subscription to the app's webhook is created after the code deployment by the postdeploy hook
// (infra/hooks/postdeploy.sh applies app/blob-event-subscription.bicep): its key exists only then.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: names the resource group and seeds the unique resource token.')
param environmentName string

@minLength(1)
@description('Location of every resource.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the user or service principal running azd, granted Storage Blob Data Contributor so it can upload articles; empty to grant nothing.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Container people upload article files to (Feed__UploadContainer).')
param uploadContainerName string = 'uploads'

@description('Container of normalized articles and feed indexes (Feed__DataContainer).')
param dataContainerName string = 'feed-data'

@description('Largest article file accepted, in bytes (Feed__MaxFileBytes).')
param maxFileBytes int = 1048576

@description('Absolute base URL the feeds are served under (Feed__PublicBaseUrl); empty for https://<function app host name>.')
param publicBaseUrl string = ''

@description('Language the feeds declare, a BCP 47 tag (Feed__Language).')
param language string = 'en'

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Daily ingestion cap of the Log Analytics workspace in GB (-1: none).')
param logDailyCapGb int = 1

var serviceName = 'feed'
var blobFunctionName = 'IngestUpload'
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-feed-${resourceToken}'
var identityName = 'id-feed-${resourceToken}'
var storageAccountName = 'stfeed${resourceToken}'
var applicationInsightsName = 'appi-feed-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      uploadContainerName
      dataContainerName
      deploymentContainerName
    ]
    // The WebSub hub: its work queue (the WebSubQueue function's trigger), the poison queue the host moves failing
    // messages to (Feed.Core's HubQueue.Name), and its subscription table (WebSubOptions.TableName, below).
    queueNames: [
      'websub'
      'websub-poison'
    ]
    // The source records (Feed.Core's SourceRecordStore.TableName) and the WebSub subscriptions.
    tableNames: [
      'feedsources'
      'websubscriptions'
    ]
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-feed-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    dailyCapGb: logDailyCapGb
  }
}

// Modules below get resource names from the variables above, not from module outputs, so that What-If can
// predict them; their dependencies are therefore explicit.
module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    appIdentityName: identityName
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    monitoring
  ]
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: 'plan-feed-${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    uploadContainerName: uploadContainerName
    dataContainerName: dataContainerName
    maxFileBytes: maxFileBytes
    publicBaseUrl: publicBaseUrl
    language: language
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  dependsOn: [
    storage
    monitoring
    // The app reads its deployment package and host state with these roles from its first start.
    rbac
  ]
}

module eventGridTopic 'app/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  scope: resourceGroup
  params: {
    name: 'evgt-feed-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  dependsOn: [
    storage
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output FEED_UPLOAD_CONTAINER string = uploadContainerName
output FEED_DATA_CONTAINER string = dataContainerName
output FEED_BLOB_FUNCTION_NAME string = blobFunctionName
output FEED_EVENT_GRID_SYSTEM_TOPIC string = eventGridTopic.outputs.name
output FEED_BASE_URL string = 'https://${functionApp.outputs.defaultHostName}/api/feeds'
