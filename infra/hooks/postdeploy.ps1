# azd postdeploy hook (Windows): same as postdeploy.sh. Subscribes the function app's blob extension webhook to the
# upload container's events by deploying infra/app/blob-event-subscription.bicep; the template reads the webhook
# key itself. Needs the Azure CLI, signed in (`az login`).
$ErrorActionPreference = 'Stop'

$names = 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'FEED_EVENT_GRID_SYSTEM_TOPIC',
  'FEED_UPLOAD_CONTAINER', 'FEED_BLOB_FUNCTION_NAME'
foreach ($name in $names) {
  if ([string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable($name))) {
    throw "postdeploy: $name is not set; run 'azd provision' first."
  }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  throw 'postdeploy: the Azure CLI (az) is required to create the Event Grid subscription.'
}

$template = Join-Path $PSScriptRoot '..' 'app' 'blob-event-subscription.bicep'

for ($attempt = 1; ; $attempt++) {
  az deployment group create `
    --subscription $env:AZURE_SUBSCRIPTION_ID `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name feed-blob-event-subscription `
    --template-file $template `
    --parameters `
    "functionAppName=$env:AZURE_FUNCTION_APP_NAME" `
    "systemTopicName=$env:FEED_EVENT_GRID_SYSTEM_TOPIC" `
    "uploadContainerName=$env:FEED_UPLOAD_CONTAINER" `
    "blobFunctionName=$env:FEED_BLOB_FUNCTION_NAME" `
    --output none
  if ($LASTEXITCODE -eq 0) { break }
  if ($attempt -ge 5) { throw "postdeploy: could not create the Event Grid subscription after $attempt attempts." }
  Write-Warning "postdeploy: attempt $attempt failed; retrying in 30 s."
  Start-Sleep -Seconds 30
}

Write-Host "postdeploy: Event Grid delivers '$env:FEED_UPLOAD_CONTAINER' events to Host.Functions.$env:FEED_BLOB_FUNCTION_NAME."
