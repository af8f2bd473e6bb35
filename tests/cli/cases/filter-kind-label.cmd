list actors --filter 'kind:"organisme public" sector:public' --format csv
