new File(basedir, 'standin-faults.json').text = """[
  {"method": "GET", "path": ".*/config", "type": "status", "status": 429,
   "body": {"error_code": "APIG.0308", "error_msg": "throttled"}, "headers": {"Retry-After": "1"}},
  {"method": "POST", "path": "/v2/.*/fgs/functions", "type": "status", "status": 503,
   "body": {"error_code": "FSS.0500", "error_msg": "busy"}},
  {"method": "POST", "path": "/v2/.*/fgs/functions", "type": "status", "status": 503,
   "body": {"error_code": "FSS.0500", "error_msg": "busy"}}
]"""
io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir)
return true
