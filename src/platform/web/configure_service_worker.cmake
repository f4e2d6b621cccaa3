# cmake -D SITE=<site folder> -D TEMPLATE=<web/sw.js> -P configure_service_worker.cmake
#
# Writes <site>/sw.js from the template with @HOTLINE_CACHE_VERSION@ = the first 16 hex digits
# of a SHA-256 over the files the service worker caches (their names and contents), so the cache
# name changes exactly when one of them does.
set(_files index.html page.js page.css app.js app.wasm app.data manifest.webmanifest icon.svg)
set(_digests "")
foreach(_file IN LISTS _files)
  if(NOT EXISTS "${SITE}/${_file}")
    message(FATAL_ERROR "configure_service_worker: ${SITE}/${_file} is missing")
  endif()
  file(SHA256 "${SITE}/${_file}" _digest)
  string(APPEND _digests "${_file} ${_digest}\n")
endforeach()
string(SHA256 _version "${_digests}")
string(SUBSTRING "${_version}" 0 16 HOTLINE_CACHE_VERSION)
configure_file("${TEMPLATE}" "${SITE}/sw.js" @ONLY)
